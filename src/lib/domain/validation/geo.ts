import * as v from 'valibot';
import { M } from './messages';

export const latitude = v.pipe(v.number(M.lat), v.finite(M.lat), v.minValue(-90, M.lat), v.maxValue(90, M.lat));
export const longitude = v.pipe(
	v.number(M.lng),
	v.finite(M.lng),
	v.minValue(-180, M.lng),
	v.maxValue(180, M.lng)
);
export const point = v.object({ lat: latitude, lng: longitude }, M.required);
export type Point = v.InferOutput<typeof point>;
