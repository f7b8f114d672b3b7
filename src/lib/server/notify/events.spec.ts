/**
 * The events other areas publish (meetings, moderation, invitations), heard
 * in-process: who gets which activity, which mails leave at once (to a real
 * SMTP server on loopback), and the digest job's durable schedule.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { store } from '$store/db';
import { publish } from '../events';
import { recipientOf } from '../../../../tests/helpers/mailbox';
import { subscribeActivity } from './on-events';
import { deliveriesSettled } from './deliver';
import { listActivity } from './list';
import { updatePrefs } from './prefs';
import { runDueDigests } from './digest-job';
import { addPushSubscription } from './push';
import { initiativeWith, useNotifyStore, user } from './spec-fixtures';

const mailbox = useNotifyStore();
let stop: () => void;
beforeAll(() => {
	stop = subscribeActivity();
});
afterAll(() => stop());

const types = (userId: string) => listActivity(userId, { limit: 50 }).items.map((i) => i.type);
const mailsTo = (userId: string) => mailbox().to(`${userId}@exemple.fr`.toLowerCase());

describe('meeting events', () => {
	beforeEach(() => {
		store().sqlite.exec('DROP TABLE IF EXISTS meetings');
	});

	it('tell the members but the actor, mail scheduled and cancelled at once, not updates', async () => {
		const owner = user('Odile');
		const [a, b] = [user('Ali'), user('Béa')];
		const initiativeId = initiativeWith(owner, [a, b]);
		updatePrefs(b, { emailInstant: false });
		store().sqlite.exec('CREATE TABLE meetings (id text primary key, title text, starts_at text)');
		store().sqlite.prepare('INSERT INTO meetings VALUES (?, ?, ?)').run('meet_0001', 'Assemblée <générale>', '2026-12-10T19:00:00+01:00');

		publish('meeting_scheduled', { meetingId: 'meet_0001', initiativeId, actorId: owner });
		publish('meeting_updated', { meetingId: 'meet_0001', initiativeId, actorId: owner });
		publish('meeting_cancelled', { meetingId: 'meet_0001', initiativeId, actorId: owner });
		await deliveriesSettled();

		expect(types(a)).toEqual(['meeting_cancelled', 'meeting_updated', 'meeting_scheduled']);
		expect(types(b)).toEqual(['meeting_cancelled', 'meeting_updated', 'meeting_scheduled']);
		expect(types(owner)).toEqual([]);
		expect(listActivity(a, { limit: 1 }).items[0].meeting).toEqual({ id: 'meet_0001', title: 'Assemblée <générale>', startsAt: '2026-12-10T19:00:00+01:00' });
		const mails = mailsTo(a);
		expect(mails.map((m) => m.subject)).toHaveLength(2);
		expect(mails.some((m) => m.subject?.includes('annulée'))).toBe(true);
		expect(mails.every((m) => m.html && m.html.includes('Assemblée &lt;générale&gt;'))).toBe(true);
		expect(mailsTo(b)).toHaveLength(0);
	});

	it('work without a meetings table (the item has no title then)', async () => {
		const owner = user('Olga');
		const a = user('Anne');
		const initiativeId = initiativeWith(owner, [a]);
		publish('meeting_scheduled', { meetingId: 'meet_0002', initiativeId, actorId: owner });
		await deliveriesSettled();
		expect(listActivity(a, { limit: 1 }).items[0]).toMatchObject({ type: 'meeting_scheduled', meeting: { id: 'meet_0002', title: '' } });
	});
});

describe('moderation decisions and invitations', () => {
	it('a decision reaches its author even in a muted initiative, by mail at once', async () => {
		const owner = user('Omar');
		const author = user('Aude');
		const initiativeId = initiativeWith(owner, [author]);
		updatePrefs(author, { mutedInitiatives: [initiativeId] });
		publish('member_joined', { initiativeId, userId: user('Noé') });
		publish('moderation_decision', { userId: author, decisionId: 'd1', statement: 'Message retiré : hors sujet.', initiativeId });
		await deliveriesSettled();
		const [item] = listActivity(author, { limit: 5 }).items;
		expect(item).toMatchObject({ type: 'moderation_decision', excerpt: 'Message retiré : hors sujet.', actor: null });
		expect(types(author)).toEqual(['moderation_decision']);
		expect(recipientOf(await mailbox().waitFor((m) => recipientOf(m) === `${author}@exemple.fr`.toLowerCase()))).toBeTruthy();
	});

	it('an invitation is an activity item and a mail carrying the invitation link', async () => {
		const owner = user('Paul');
		const neighbour = user('Nour');
		const initiativeId = initiativeWith(owner, [], 'Repair café');
		publish('person_invited', { initiativeId, userId: neighbour, actorId: owner, inviteUrl: '/join/tok123' });
		await deliveriesSettled();
		expect(listActivity(neighbour, { limit: 5 }).items[0]).toMatchObject({ type: 'invitation', actor: { id: owner, displayName: 'Paul' } });
		const mail = await mailbox().waitFor((m) => recipientOf(m) === `${neighbour}@exemple.fr`.toLowerCase());
		expect(mail.text).toContain('Paul vous invite à rejoindre « Repair café »');
		expect(mail.text).toContain('https://kohero.test/join/tok123');
	});
});

describe('digest job', () => {
	it('sends a missed slot once, not again after a restart, and the next day’s slot again', async () => {
		const owner = user('Ines');
		const initiativeId = initiativeWith(owner, []);
		updatePrefs(owner, { emailDigest: 'daily' });
		publish('member_joined', { initiativeId, userId: user('Jo') });
		const monday = Date.parse('2026-12-07T09:00:00Z');
		await runDueDigests(monday);
		expect(mailsTo(owner)).toHaveLength(1);
		publish('member_joined', { initiativeId, userId: user('Kim') });
		await runDueDigests(monday + 3_600_000); // same slot: a restart repeats nothing
		expect(mailsTo(owner)).toHaveLength(1);
		await runDueDigests(monday + 24 * 3_600_000);
		expect(mailsTo(owner)).toHaveLength(2);
		expect(mailsTo(owner)[1].text).toContain('Kim a rejoint');
		expect(mailsTo(owner)[1].text).not.toContain('Jo a rejoint');
	});
});

describe('push subscriptions', () => {
	it('accept only https endpoints unless PUSH_ALLOW_HTTP=1', () => {
		const someone = user('Pia');
		const keys = { p256dh: 'BAAA', auth: 'AAAA' };
		delete process.env.PUSH_ALLOW_HTTP;
		expect(() => addPushSubscription(someone, { endpoint: 'http://127.0.0.1:9/push', keys })).toThrow(/https/);
		expect(() => addPushSubscription(someone, { endpoint: 'https://push.example/abc', keys })).not.toThrow();
		process.env.PUSH_ALLOW_HTTP = '1';
		expect(() => addPushSubscription(someone, { endpoint: 'http://127.0.0.1:9/push', keys })).not.toThrow();
		delete process.env.PUSH_ALLOW_HTTP;
	});
});
