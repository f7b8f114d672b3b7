import * as v from 'valibot';
import { M } from './messages';
import { point } from './geo';
import { USER_KINDS, type UserKind } from '../sync-contract';
import { cleanShortText } from './short-text';

export { USER_KINDS, type UserKind };

const email = v.pipe(
	v.string(M.email),
	v.trim(),
	v.toLowerCase(),
	v.maxLength(254, M.tooLong),
	v.email(M.email)
);
const displayName = v.pipe(v.string(M.required), v.trim(), v.minLength(1, M.required), v.maxLength(80, M.tooLong), cleanShortText);

export const signupInput = v.object({
	email,
	password: v.pipe(v.string(M.passwordShort), v.minLength(10, M.passwordShort), v.maxLength(256, M.tooLong)),
	displayName,
	kind: v.optional(v.picklist(USER_KINDS, M.kind), 'person')
});

export const loginInput = v.object({
	email: v.pipe(v.string(M.email), v.trim(), v.toLowerCase(), v.maxLength(254, M.tooLong)),
	password: v.pipe(v.string(M.required), v.maxLength(256, M.tooLong))
});

/** A skill tag: trimmed, lower-cased, 1–40 characters. */
export const skill = v.pipe(v.string(M.skills), v.trim(), v.toLowerCase(), v.minLength(1, M.skills), v.maxLength(40, M.skills), cleanShortText);

export const profilePatch = v.object({
	displayName: v.optional(displayName),
	bio: v.optional(v.pipe(v.string(M.tooLong), v.trim(), v.maxLength(1000, M.tooLong))),
	skills: v.optional(
		v.pipe(
			v.array(skill, M.skills),
			v.maxLength(30, M.skills),
			v.transform((list) => [...new Set(list)])
		)
	),
	discoverable: v.optional(v.boolean(M.boolean)),
	home: v.optional(v.nullable(point))
});

export type SignupInput = v.InferOutput<typeof signupInput>;
export type ProfilePatch = v.InferOutput<typeof profilePatch>;

/** Suggested skill tags shown under the skills field. */
export const SKILL_SUGGESTIONS = [
	'jardinage',
	'bricolage',
	'compostage',
	'graphisme',
	'comptabilité',
	'animation de réunion',
	'cuisine',
	'réparation vélo',
	'couture',
	'informatique',
	'communication',
	'menuiserie',
	'électricité',
	'photographie',
	'juridique',
	'traduction'
] as const;

export const passwordChange = v.object({
	currentPassword: v.pipe(v.string(M.required), v.maxLength(256, M.tooLong)),
	newPassword: v.pipe(v.string(M.passwordShort), v.minLength(10, M.passwordShort), v.maxLength(256, M.tooLong))
});
