/**
 * Meeting documents over the relay: members converge on attendance, votes and
 * newcomers; non-members get 4403; a consenting newcomer gets one invitation
 * e-mail (real SMTP on loopback), never twice across reconnects and restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { Client } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';
import {
	addGuest, addNewcomer, addVote, markPresent, readAttendance, readNewcomers, readVotes, setVoteCount
} from '../../src/lib/domain/meetings/doc';
import {
	closeCodeOf, closed, connectClient, createInitiative, rawSocket, removeMember, synced, useRelayServer, waitFor, type Member, type SyncClient
} from './helpers';

/** A real SMTP server on loopback collecting every message. */
function useSmtp() {
	const received: ParsedMail[] = [];
	const env: Record<string, string> = {};
	let smtp: SMTPServer;
	beforeAll(async () => {
		smtp = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS', 'AUTH'],
			onData(stream, _session, callback) {
				simpleParser(stream)
					.then((mail) => {
						received.push(mail);
						callback();
					})
					.catch(callback);
			}
		});
		await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
		env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
	return { received, env };
}

const mail = useSmtp();
const relay = useRelayServer(['alice', 'bob', 'eve'], { env: mail.env });
const { alice, bob, eve } = relay.members;

/** Schedules a meeting of a new initiative (alice owner, bob member) through the API. */
async function meetingOf(server: TestServer, owner: Member, members: Member[]): Promise<{ initiativeId: string; meetingId: string }> {
	const initiativeId = createInitiative(server, owner, members);
	const c = new Client(server.url);
	c.cookie = owner.cookie;
	const res = await c.post(`/api/initiatives/${initiativeId}/meetings`, { title: 'Réunion publique', startsAt: '2027-06-01T19:00' });
	if (res.status !== 201) throw new Error(`schedule answered ${res.status} ${res.text}`);
	return { initiativeId, meetingId: res.body.meeting.id };
}

const mailsTo = (address: string) => mail.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === address);

describe('meeting documents', () => {
	it('two members converge on attendance, votes and newcomers', async () => {
		const { meetingId } = await meetingOf(relay.server, alice, [bob]);
		const a = relay.client(meetingId, alice);
		const b = relay.client(meetingId, bob);
		await Promise.all([synced(a), synced(b)]);
		markPresent(a.doc, { userId: alice.id, name: 'Alice', now: 1 });
		addGuest(b.doc, { id: 'g1', name: 'Invitée', now: 2 });
		markPresent(b.doc, { userId: bob.id, name: 'Bob', now: 3 });
		addVote(a.doc, { id: 'v1', question: 'Un composteur ?', options: ['Pour', 'Contre'] });
		await waitFor(() => readVotes(b.doc).length === 1, 'vote at bob');
		setVoteCount(b.doc, { voteId: 'v1', option: 'Pour', count: 12 });
		addNewcomer(a.doc, { id: 'n1', name: 'Lou', consent: false, createdBy: alice.id, now: 4 });
		addNewcomer(b.doc, { id: 'n2', name: 'Sam', consent: false, createdBy: bob.id, now: 5 });
		const same = (x: SyncClient, y: SyncClient) =>
			JSON.stringify([readAttendance(x.doc), readVotes(x.doc), readNewcomers(x.doc)]) ===
			JSON.stringify([readAttendance(y.doc), readVotes(y.doc), readNewcomers(y.doc)]);
		await waitFor(() => same(a, b) && readNewcomers(a.doc).length === 2 && readVotes(a.doc)[0]?.counts.Pour === 12, 'convergence');
		expect(readAttendance(a.doc).map((x) => x.name)).toEqual(['Alice', 'Bob', 'Invitée']);
	});

	it('a non-member is closed with 4403; a member who leaves is closed with 4403', async () => {
		const { initiativeId, meetingId } = await meetingOf(relay.server, alice, [bob]);
		expect(await closeCodeOf(relay.server.wsUrl, meetingId, eve.cookie)).toBe(4403);
		expect(await closeCodeOf(relay.server.wsUrl, meetingId)).toBe(4401);
		const ws = await rawSocket(relay.server.wsUrl, meetingId, bob.cookie);
		const code = closed(ws);
		await removeMember(relay.server, initiativeId, bob);
		expect(await code).toBe(4403);
	});

	it('one invitation e-mail per consenting newcomer, never twice across reconnects', async () => {
		const { meetingId } = await meetingOf(relay.server, alice, [bob]);
		const a = relay.client(meetingId, alice);
		await synced(a);
		addNewcomer(a.doc, { id: 'nc1', name: 'Lou <b>', email: 'lou@exemple.fr', consent: true, createdBy: alice.id, now: 1 });
		addNewcomer(a.doc, { id: 'nc2', name: 'Sans accord', email: 'non@exemple.fr', consent: false, createdBy: alice.id, now: 2 });
		addNewcomer(a.doc, { id: 'nc3', name: 'Sans mail', consent: true, createdBy: alice.id, now: 3 });
		await waitFor(() => mailsTo('lou@exemple.fr').length === 1, 'the invitation mail', 20_000);
		const sent = mailsTo('lou@exemple.fr')[0];
		expect(sent.subject).toMatch(/Invitation/);
		expect(sent.text).toMatch(/\/join\/[A-Za-z0-9_-]+/);
		expect(sent.html).toContain('Lou &lt;b&gt;');
		a.provider.disconnect();

		// Another device holding the same entries reconnects and adds one more consenting newcomer.
		const b = relay.client(meetingId, bob);
		await synced(b);
		await waitFor(() => readNewcomers(b.doc).length === 3, 'entries at bob');
		addNewcomer(b.doc, { id: 'nc4', name: 'Mia', email: 'mia@exemple.fr', consent: true, createdBy: bob.id, now: 4 });
		a.provider.connect();
		await synced(a);
		await waitFor(() => mailsTo('mia@exemple.fr').length === 1, 'the second invitation', 20_000);
		expect(mailsTo('lou@exemple.fr')).toHaveLength(1);
		expect(mailsTo('non@exemple.fr')).toHaveLength(0);
	});
});

describe('newcomer mails across restarts', () => {
	it('a restarted server that loads the document again sends nothing twice', async () => {
		const first = await startServer({ env: mail.env });
		let server = first;
		try {
			const c = new Client(server.url);
			const user = await c.signup();
			const owner: Member = { id: user.id, cookie: c.cookie };
			const { meetingId } = await meetingOf(server, owner, []);
			const a = connectClient(server.wsUrl, meetingId, owner.cookie);
			await synced(a);
			addNewcomer(a.doc, { id: 'r1', name: 'Zoé', email: 'zoe@exemple.fr', consent: true, createdBy: owner.id, now: 1 });
			await waitFor(() => mailsTo('zoe@exemple.fr').length === 1, 'first mail', 20_000);
			a.destroy();
			await server.stop();
			server = await startServer({ env: mail.env, dataDir: first.dataDir });
			const again = connectClient(server.wsUrl, meetingId, owner.cookie);
			await synced(again);
			await waitFor(() => readNewcomers(again.doc).length === 1, 'entry reloaded');
			addNewcomer(again.doc, { id: 'r2', name: 'Noé', email: 'noe@exemple.fr', consent: true, createdBy: owner.id, now: 2 });
			await waitFor(() => mailsTo('noe@exemple.fr').length === 1, 'mail after restart', 20_000);
			expect(mailsTo('zoe@exemple.fr')).toHaveLength(1);
			again.destroy();
		} finally {
			await server.stop();
			await first.dispose();
		}
	});
});
