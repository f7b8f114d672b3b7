/**
 * Messages and ideas as shared rows (one row per post, fan-out on read): who
 * sees them, paging and read marks merged with one's own rows, and digests
 * that mail each once (to a real SMTP server on loopback).
 */
import { describe, expect, it } from 'vitest';
import { store } from '$store/db';
import { recordDocPosts } from './doc-posts';
import { listActivity, markRead, unreadCount } from './list';
import { updatePrefs } from './prefs';
import { recordForUsers } from './record';
import { sendDigests } from './digest';
import { claimSharedForDigest } from './shared-rows';
import { initiativeWith, useNotifyStore, user } from './spec-fixtures';

const mailbox = useNotifyStore();

const post = (initiativeId: string, authorId: string, text: string, at = Date.now()) =>
	recordDocPosts([{ initiativeId, type: 'message_posted', authorId, text, at }]);
const excerpts = (userId: string, options: { limit?: number; unreadOnly?: boolean } = {}) =>
	listActivity(userId, { limit: options.limit ?? 50, unreadOnly: options.unreadOnly }).items.map((i) => i.excerpt || i.type);
const rowsOf = (initiativeId: string) =>
	store().sqlite.prepare('SELECT count(*) FROM activity WHERE initiative_id = ?').pluck().get(initiativeId) as number;
const mailsTo = (userId: string) => mailbox().to(`${userId}@exemple.fr`.toLowerCase());
const noDigest = (...people: string[]) => {
	for (const p of people) updatePrefs(p, { emailDigest: 'off' });
};

describe('a message or an idea', () => {
	it('is one row however many members the initiative has', () => {
		const owner = user('Olga');
		const members = Array.from({ length: 30 }, (_, i) => user(`M${i}`));
		const id = initiativeWith(owner, members);
		expect(post(id, members[0], 'Bonjour !')).toBe(1);
		expect(rowsOf(id)).toBe(1);
	});

	it('reaches the other members only: not its author, not outsiders, not who joined later, muted or left', () => {
		const [owner, author, muter, leaver, outsider] = ['Omar', 'Aude', 'Marc', 'Lou', 'Otto'].map(user);
		const id = initiativeWith(owner, [author, muter, leaver], 'Jardin', 1000);
		updatePrefs(muter, { mutedInitiatives: [id] });
		post(id, author, 'Avant', 2000);
		const late = user('Tard');
		store().sqlite.prepare("INSERT INTO memberships (initiative_id, user_id, role, joined_at) VALUES (?, ?, 'member', 3000)").run(id, late);
		post(id, author, 'Après', 4000);
		store().sqlite.prepare('DELETE FROM memberships WHERE initiative_id = ? AND user_id = ?').run(id, leaver);

		expect(excerpts(owner)).toEqual(['Après', 'Avant']);
		expect(listActivity(owner, { limit: 1 }).items[0]).toMatchObject({
			type: 'message_posted',
			actor: { id: author, displayName: 'Aude' },
			initiative: { id, title: 'Jardin' },
			readAt: null
		});
		expect(excerpts(late)).toEqual(['Après']);
		for (const p of [author, muter, leaver, outsider]) expect(excerpts(p)).toEqual([]);
		expect(unreadCount(owner)).toBe(2);
		expect(unreadCount(late)).toBe(1);
		expect(unreadCount(author)).toBe(0);
	});
});

describe('one list with one’s own rows', () => {
	it('pages both in id order, counts both, and marks both read up to an id', () => {
		const owner = user('Ines');
		const member = user('Jo');
		const id = initiativeWith(owner, [member]);
		const own = (text: string) => recordForUsers({ type: 'role_changed', actorId: member, initiativeId: id, excerpt: text }, [owner]);
		post(id, member, 'p1');
		own('o1');
		post(id, member, 'p2');
		post(id, member, 'p3');
		own('o2');

		expect(excerpts(owner)).toEqual(['o2', 'p3', 'p2', 'o1', 'p1']);
		const first = listActivity(owner, { limit: 2 });
		expect(first.items.map((i) => i.excerpt)).toEqual(['o2', 'p3']);
		const second = listActivity(owner, { limit: 2, cursor: Number(first.nextCursor) });
		expect(second.items.map((i) => i.excerpt)).toEqual(['p2', 'o1']);
		const third = listActivity(owner, { limit: 2, cursor: Number(second.nextCursor) });
		expect(third.items.map((i) => i.excerpt)).toEqual(['p1']);
		expect(third.nextCursor).toBeNull();
		expect(first.unread).toBe(5);

		markRead(owner, Number(second.items[0].id)); // p2 and below
		const after = listActivity(owner, { limit: 10 });
		expect(after.unread).toBe(2);
		expect(after.items.map((i) => [i.excerpt, i.readAt !== null])).toEqual([
			['o2', false],
			['p3', false],
			['p2', true],
			['o1', true],
			['p1', true]
		]);
		expect(excerpts(owner, { unreadOnly: true })).toEqual(['o2', 'p3']);
		const readAt = after.items[2].readAt;

		// An older mark changes nothing: p2 keeps the time it was read at.
		markRead(owner, Number(third.items[0].id));
		expect(listActivity(owner, { limit: 10 }).items[2].readAt).toBe(readAt);
	});

	it('a mark beyond the newest item never reads what comes later', () => {
		const owner = user('Kim');
		const member = user('Lea');
		const id = initiativeWith(owner, [member]);
		post(id, member, 'déjà là');
		markRead(owner, Number.MAX_SAFE_INTEGER);
		expect(unreadCount(owner)).toBe(0);
		post(id, member, 'plus tard');
		expect(unreadCount(owner)).toBe(1);
		expect(excerpts(owner, { unreadOnly: true })).toEqual(['plus tard']);
	});
});

describe('digests of shared rows', () => {
	it('mail the unread ones once, not those read before, and nothing the second time', async () => {
		const owner = user('Nina');
		const member = user('Pablo');
		const id = initiativeWith(owner, [member], 'Repair café');
		noDigest(member);
		post(id, member, 'Lu avant le mail');
		markRead(owner, Number(listActivity(owner, { limit: 1 }).items[0].id));
		post(id, member, 'Qui apporte un fer à souder ?');
		post(id, member, 'Samedi 10 h');

		await sendDigests('weekly');
		const mails = mailsTo(owner);
		expect(mails).toHaveLength(1);
		expect(mails[0].text).toContain('Qui apporte un fer à souder ?');
		expect(mails[0].text).toContain('Samedi 10 h');
		expect(mails[0].text).not.toContain('Lu avant le mail');
		expect(mailsTo(member)).toHaveLength(0);

		await sendDigests('weekly');
		expect(mailsTo(owner)).toHaveLength(1);
		post(id, member, 'Nouveau');
		await sendDigests('weekly');
		expect(mailsTo(owner)).toHaveLength(2);
		expect(mailsTo(owner)[1].text).toContain('Nouveau');
		expect(mailsTo(owner)[1].text).not.toContain('Samedi 10 h');
	});

	it('two senders never claim the same item, and a released claim is claimed again', () => {
		const owner = user('Rita');
		const member = user('Sam');
		const id = initiativeWith(owner, [member]);
		post(id, member, 'un');
		post(id, member, 'deux');
		const ids = listActivity(owner, { limit: 5 }).items.map((i) => Number(i.id));

		const first = claimSharedForDigest(owner, ids);
		expect(first.ids.sort()).toEqual([...ids].sort());
		expect(claimSharedForDigest(owner, ids).ids).toEqual([]);
		first.release();
		const again = claimSharedForDigest(owner, ids);
		expect(again.ids.sort()).toEqual([...ids].sort());
	});
});
