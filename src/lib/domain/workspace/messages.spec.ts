import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { firstUnreadIndex, postMessage, readMessages, type Message } from './messages';
import { messagesOf } from './shape';

describe('postMessage', () => {
	it.each([
		{ text: 'Bonjour à tous', ok: true },
		{ text: '  ', ok: false, error: 'required' },
		{ text: 'x'.repeat(4000), ok: true },
		{ text: 'x'.repeat(4001), ok: false, error: 'too_long' },
		{ text: '<img src=x onerror=alert(1)>', ok: true }
	])('$text.length chars → ok=$ok', ({ text, ok, error }) => {
		const doc = new Y.Doc();
		const result = postMessage(doc, { id: 'msg-0001', authorId: 'u1', text, now: 10 });
		expect(result).toEqual(ok ? { ok: true } : { ok: false, error });
		expect(readMessages(doc)).toHaveLength(ok ? 1 : 0);
		if (ok) expect(readMessages(doc)[0].text).toBe(text.trim());
	});

	it('stores the contract field names', () => {
		const doc = new Y.Doc();
		postMessage(doc, { id: 'msg-0001', authorId: 'u1', text: 'salut', now: 10 });
		expect(messagesOf(doc).get(0).toJSON()).toEqual({ id: 'msg-0001', authorId: 'u1', text: 'salut', createdAt: 10 });
	});
});

describe('readMessages', () => {
	it('orders by time, newest last, even when an offline message merges late', () => {
		const online = new Y.Doc();
		const offline = new Y.Doc();
		postMessage(online, { id: 'msg-a', authorId: 'u1', text: 'a', now: 100 });
		postMessage(offline, { id: 'msg-b', authorId: 'u2', text: 'b', now: 50 });
		postMessage(online, { id: 'msg-c', authorId: 'u1', text: 'c', now: 200 });
		Y.applyUpdate(online, Y.encodeStateAsUpdate(offline));
		expect(readMessages(online).map((m) => m.text)).toEqual(['b', 'a', 'c']);
	});
});

describe('firstUnreadIndex', () => {
	const thread: Message[] = [
		{ id: '1', authorId: 'u1', text: 'a', createdAt: 10 },
		{ id: '2', authorId: 'me', text: 'b', createdAt: 20 },
		{ id: '3', authorId: 'u1', text: 'c', createdAt: 30 }
	];
	it.each([
		{ lastSeen: 0, expected: 0 },
		{ lastSeen: 10, expected: 2 },
		{ lastSeen: 15, expected: 2 },
		{ lastSeen: 30, expected: -1 }
	])('last seen $lastSeen → $expected', ({ lastSeen, expected }) => {
		expect(firstUnreadIndex(thread, lastSeen, 'me')).toBe(expected);
	});
});
