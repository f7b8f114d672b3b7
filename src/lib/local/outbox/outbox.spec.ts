import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { KoheroDb } from '../db';
import type { Mutation } from './mutation';
import { Outbox, type Transport } from './outbox';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay, classify } from './backoff';

const create = (id: string): Mutation => ({
	kind: 'create',
	initiativeId: id,
	body: { id, title: `Initiative ${id}`, summary: '', category: 'food', lat: 45, lng: 4, placeName: '' }
});
const join = (id: string): Mutation => ({ kind: 'join', initiativeId: id });
const profile: Mutation = { kind: 'profile', body: { bio: 'hors ligne' } };

let db: KoheroDb;
let clock: number;
let sent: Mutation[];
let answers: number[];

/** A server that answers each request with the next queued status (200 by default). */
const transport: Transport = async (mutation) => {
	const status = answers.shift() ?? 200;
	if (status === -1) throw new TypeError('Failed to fetch');
	sent.push(mutation);
	return { status, body: status < 300 ? {} : { error: { code: 'conflict', message: 'Refusé' } } };
};

function makeOutbox() {
	return new Outbox({ db, send: transport, now: () => clock, random: () => 0.5 });
}

beforeEach(() => {
	db = new KoheroDb('outbox-test', { indexedDB: new IDBFactory(), IDBKeyRange });
	clock = 1_000_000;
	sent = [];
	answers = [];
});

describe('outbox', () => {
	it('replays changes in the order they were made, then is empty', async () => {
		const outbox = makeOutbox();
		await outbox.enqueue(create('aaaaaaaa'));
		await outbox.enqueue(join('bbbbbbbb'));
		await outbox.enqueue(profile);
		const result = await outbox.flush();
		expect(result).toEqual({ sent: 3, refused: 0, retryAt: null });
		expect(sent.map((m) => m.kind)).toEqual(['create', 'join', 'profile']);
		expect(await outbox.list()).toEqual([]);
	});

	it('survives a reload: a new Outbox over the same database sends what was queued', async () => {
		await makeOutbox().enqueue(create('aaaaaaaa'));
		db.close();
		await db.open();
		const result = await makeOutbox().flush();
		expect(result.sent).toBe(1);
	});

	it('stops at a network error, keeps order, and backs off before retrying', async () => {
		const outbox = makeOutbox();
		await outbox.enqueue(create('aaaaaaaa'));
		await outbox.enqueue(join('aaaaaaaa'));
		answers = [-1];
		const first = await outbox.flush();
		expect(first.sent).toBe(0);
		expect(first.retryAt).toBe(clock + backoffDelay(1, 0.5));
		// Not due yet: nothing is sent, the join does not jump the queue.
		expect((await outbox.flush()).sent).toBe(0);
		expect(sent).toEqual([]);
		clock = first.retryAt!;
		const second = await outbox.flush();
		expect(second).toEqual({ sent: 2, refused: 0, retryAt: null });
		expect(sent.map((m) => m.kind)).toEqual(['create', 'join']);
	});

	it('treats 5xx, 429 and 401 as transient and other 4xx as refusals kept until dismissed', async () => {
		const outbox = makeOutbox();
		await outbox.enqueue(create('aaaaaaaa'));
		await outbox.enqueue(profile);
		answers = [503];
		const retry = await outbox.flush();
		expect(retry.retryAt).not.toBeNull();
		const [entry] = await outbox.list();
		expect(entry).toMatchObject({ state: 'pending', attempts: 1, error: { status: 503 } });

		clock = retry.retryAt!;
		answers = [409, 200];
		const result = await outbox.flush();
		expect(result).toEqual({ sent: 1, refused: 1, retryAt: null });
		const left = await outbox.list();
		expect(left).toHaveLength(1);
		expect(left[0]).toMatchObject({ state: 'failed', error: { status: 409, code: 'conflict', message: 'Refusé' } });
		// A refusal is never sent again on its own, and stays until the person dismisses it.
		expect((await outbox.flush()).sent).toBe(0);
		await outbox.dismiss(left[0].seq!);
		expect(await outbox.list()).toEqual([]);
	});

	it('can put a refused change back in line', async () => {
		const outbox = makeOutbox();
		await outbox.enqueue(join('aaaaaaaa'));
		answers = [403];
		await outbox.flush();
		const [failed] = await outbox.list();
		await outbox.retry(failed.seq!);
		expect(await outbox.flush()).toEqual({ sent: 1, refused: 0, retryAt: null });
	});

	it('shares one run between concurrent flushes and sends each change once', async () => {
		const outbox = makeOutbox();
		for (let i = 0; i < 5; i++) await outbox.enqueue(join(`initiative-${i}`));
		const results = await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()]);
		expect(results[0]).toBe(results[1]);
		expect(sent).toHaveLength(5);
	});

	it('makes everything due at once when the network returns', async () => {
		const outbox = makeOutbox();
		await outbox.enqueue(profile);
		answers = [-1];
		await outbox.flush();
		await outbox.resetBackoff();
		expect((await outbox.flush()).sent).toBe(1);
	});
});

describe('backoff', () => {
	it.each([
		[1, 0.5, BACKOFF_BASE_MS],
		[2, 0.5, BACKOFF_BASE_MS * 2],
		[4, 0.5, BACKOFF_BASE_MS * 8],
		[30, 0.5, BACKOFF_MAX_MS],
		[30, 0.99, BACKOFF_MAX_MS],
		[1, 0, BACKOFF_BASE_MS * 0.8]
	])('attempt %i with random %f waits %i ms', (attempts, random, expected) => {
		expect(backoffDelay(attempts, random)).toBe(expected);
	});

	it.each([
		[200, 'done'],
		[201, 'done'],
		[0, 'retry'],
		[401, 'retry'],
		[429, 'retry'],
		[500, 'retry'],
		[503, 'retry'],
		[400, 'refused'],
		[403, 'refused'],
		[404, 'refused'],
		[409, 'refused']
	] as const)('status %i is %s', (status, outcome) => {
		expect(classify(status)).toBe(outcome);
	});
});
