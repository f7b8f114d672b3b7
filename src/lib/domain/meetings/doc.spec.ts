import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addGuest,
	addNewcomer,
	addVote,
	closeVote,
	markPresent,
	newcomersToInvite,
	readAttendance,
	readNewcomers,
	readVotes,
	removeAttendee,
	setVoteCount,
	votesOf
} from './doc';

function sync(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('attendance', () => {
	it('ticks members once, adds guests, and merges two offline sheets', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		markPresent(a, { userId: 'u1', name: 'Inès', now: 1 });
		markPresent(a, { userId: 'u1', name: 'Inès', now: 9 });
		addGuest(b, { id: 'g1', name: 'Bastien', now: 2 });
		markPresent(b, { userId: 'u2', name: 'Amir', now: 3 });
		sync(a, b);
		expect(readAttendance(a)).toEqual([
			{ key: 'u2', name: 'Amir', userId: 'u2', at: 3 },
			{ key: 'guest:g1', name: 'Bastien', userId: null, at: 2 },
			{ key: 'u1', name: 'Inès', userId: 'u1', at: 1 }
		]);
		expect(readAttendance(b)).toEqual(readAttendance(a));
		expect(removeAttendee(a, 'guest:g1')).toEqual({ ok: true });
		expect(removeAttendee(a, 'guest:g1')).toEqual({ ok: false, error: 'not_found' });
	});

	it.each([
		['', 'required'],
		['   ', 'required'],
		['x'.repeat(81), 'too_long']
	])('refuses the name %j', (name, error) => {
		const doc = new Y.Doc();
		expect(addGuest(doc, { id: 'g', name, now: 1 })).toEqual({ ok: false, error });
		expect(readAttendance(doc)).toEqual([]);
	});
});

describe('votes', () => {
	it.each([
		[['Oui', 'Non'], true],
		[['Oui', ' Oui ', 'Non'], true],
		[['Oui'], false],
		[['Oui', ''], false],
		[Array.from({ length: 13 }, (_, i) => `o${i}`), false]
	])('options %j → ok=%s', (options, ok) => {
		const doc = new Y.Doc();
		expect(addVote(doc, { id: 'v1', question: 'Un composteur ?', options }).ok).toBe(ok);
		expect(readVotes(doc)).toHaveLength(ok ? 1 : 0);
	});

	it('counts, closes, and refuses counts after closing or out of range', () => {
		const doc = new Y.Doc();
		addVote(doc, { id: 'v1', question: 'Un composteur ?', options: ['Oui', 'Non'] });
		expect(setVoteCount(doc, { voteId: 'v1', option: 'Oui', count: 12 })).toEqual({ ok: true });
		expect(setVoteCount(doc, { voteId: 'v1', option: 'Oui', count: -1 }).ok).toBe(false);
		expect(setVoteCount(doc, { voteId: 'v1', option: 'Oui', count: 1.5 }).ok).toBe(false);
		expect(setVoteCount(doc, { voteId: 'v1', option: 'Peut-être', count: 1 }).ok).toBe(false);
		expect(setVoteCount(doc, { voteId: 'v2', option: 'Oui', count: 1 }).ok).toBe(false);
		closeVote(doc, 'v1');
		expect(setVoteCount(doc, { voteId: 'v1', option: 'Non', count: 3 }).ok).toBe(false);
		expect(readVotes(doc)).toEqual([{ id: 'v1', question: 'Un composteur ?', options: ['Oui', 'Non'], counts: { Oui: 12, Non: 0 }, closed: true }]);
	});

	it('stores the contract types', () => {
		const doc = new Y.Doc();
		addVote(doc, { id: 'v1', question: 'Q ?', options: ['A', 'B'] });
		const vote = votesOf(doc).get(0);
		expect(vote.get('options')).toBeInstanceOf(Y.Array);
		expect(vote.get('counts')).toBeInstanceOf(Y.Map);
		expect(vote.get('closed')).toBe(false);
	});
});

describe('newcomers', () => {
	const base = { id: 'n1', name: 'Lou', createdBy: 'u1', now: 5 };
	it.each([
		[{ email: 'lou@exemple.fr', consent: true }, { ok: true }, 1],
		[{ email: ' Lou@Exemple.FR ', consent: true }, { ok: true }, 1],
		[{ consent: true }, { ok: true }, 0],
		[{ email: 'lou@exemple.fr', consent: false }, { ok: true }, 0],
		[{ email: 'pas une adresse', consent: true }, { ok: false, error: 'email' }, 0],
		[{ email: 'a@b.fr\r\nBcc: x@y.fr', consent: true }, { ok: false, error: 'email' }, 0]
	])('%j → %j, %i to invite', (extra, result, invited) => {
		const doc = new Y.Doc();
		expect(addNewcomer(doc, { ...base, ...extra })).toEqual(result);
		expect(newcomersToInvite(doc)).toHaveLength(invited);
		if (invited) expect(newcomersToInvite(doc)[0].email).toBe('lou@exemple.fr');
	});

	it('merges entries from two devices, once per id', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addNewcomer(a, { ...base, email: 'lou@exemple.fr', consent: true });
		addNewcomer(b, { ...base, id: 'n2', name: 'Sam', consent: false });
		addNewcomer(b, { ...base, id: 'n2', name: 'Sam bis', consent: false });
		sync(a, b);
		expect(readNewcomers(a).map((n) => n.name)).toEqual(readNewcomers(b).map((n) => n.name));
		expect(readNewcomers(a)).toHaveLength(2);
	});
});
