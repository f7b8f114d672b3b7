/** Set-up for the activity and notification tests: people, initiatives, blurred homes, waits. */
import { expect } from 'vitest';
import { Client } from '../helpers/client';
import type { TestServer } from '../helpers/server';
import { withDb } from '../relay/helpers';

export interface Person {
	client: Client;
	id: string;
	email: string;
	displayName: string;
}

/** Signs up a person with their own client. */
export async function person(server: TestServer, displayName = 'Camille'): Promise<Person> {
	const client = new Client(server.url);
	const user = await client.signup({ displayName });
	return { client, id: user.id, email: user.email, displayName };
}

/** Creates an initiative through the API (so initiative_created is published). */
export async function initiative(owner: Person, title = 'Jardin partagé des Pentes', at = { lat: 45.77, lng: 4.83 }): Promise<string> {
	const res = await owner.client.post('/api/initiatives', { title, summary: 'Un jardin', category: 'food', ...at });
	expect(res.status).toBe(201);
	return res.body.initiative.id as string;
}

/**
 * Gives a person a home, and puts their BLURRED home (the only one alerts use)
 * at `blur`, so distances are known to the test whatever blur the server drew.
 */
export async function homeAt(server: TestServer, who: Person, blur: { lat: number; lng: number }): Promise<void> {
	const res = await who.client.patch('/api/me', { home: { lat: blur.lat + 0.001, lng: blur.lng } });
	expect(res.status).toBe(200);
	withDb(server.dataDir, (sqlite) =>
		sqlite.prepare('UPDATE users SET home_blur_lat = ?, home_blur_lng = ? WHERE id = ?').run(blur.lat, blur.lng, who.id)
	);
}

/** The activity items of a person. */
export async function activityOf(who: Person, query = ''): Promise<any[]> {
	const res = await who.client.get(`/api/me/activity${query}`);
	expect(res.status).toBe(200);
	return res.body.items;
}

/** Polls until `fn` returns a truthy value (activity is written just after the request answers). */
export async function eventually<T>(fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value as T;
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** A point `km` kilometres north of `at`. */
export const north = (at: { lat: number; lng: number }, km: number) => ({ lat: at.lat + km / 111.2, lng: at.lng });
