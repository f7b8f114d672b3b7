/** Shared set-up of the initiatives API tests: one real server per test file, signed-in clients, bodies. */
import { afterAll, beforeAll, expect } from 'vitest';
import { Client } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';

export const LYON = { lat: 45.764, lng: 4.8357 };
/** 1° of latitude on the 6371.0088 km sphere. */
export const KM_PER_DEG_LAT = (Math.PI * 6371.0088) / 180;

/** Starts a server for the file; `server()` is valid inside tests. */
export function useInitiativesServer() {
	let server: TestServer;
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => {
		await server?.dispose();
	});
	let seq = 0;
	return {
		server: () => server,
		async signedIn(name = 'Camille') {
			const c = new Client(server.url);
			const user = await c.signup({ displayName: name });
			return { c, user };
		},
		/** A fresh, unique place far from the others so each test has its own neighbourhood. */
		freshCentre() {
			seq += 1;
			return { lat: -40 + seq * 0.7, lng: 30 + seq * 0.9 };
		}
	};
}

export function body(overrides: Record<string, unknown> = {}) {
	return { title: 'Compost partagé', summary: 'Un bac pour le quartier.', category: 'environment', ...LYON, placeName: 'Lyon', ...overrides };
}

export function expectError(res: { status: number; body: any }, status: number) {
	expect(res.status).toBe(status);
	expect(res.body.error).toMatchObject({ code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) });
}
