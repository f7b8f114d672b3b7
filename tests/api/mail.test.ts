/**
 * Mail against a real SMTP server on loopback: instant mails, digests (exactly
 * the unread items, never twice, with RFC 8058 headers), one-click
 * unsubscribe without a cookie, and password reset end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import type { ParsedMail } from 'mailparser';
import { startServer, type TestServer } from '../helpers/server';
import { Client } from '../helpers/client';
import { startMailbox, recipientOf, type Mailbox } from '../helpers/mailbox';
import { closeCodeOf, rawSocket } from '../relay/helpers';
import { activityOf, initiative, person, type Person } from './notify-fixtures';

const ROOT = new URL('../..', import.meta.url).pathname;
let server: TestServer;
let mailbox: Mailbox;

beforeAll(async () => {
	mailbox = await startMailbox();
	server = await startServer({ env: { SMTP_URL: mailbox.url, KOHERO_DIGEST_JOB: 'off', MAIL_FROM: 'Kohero <bonjour@kohero.test>' } });
});
afterAll(async () => {
	await server?.dispose();
	await mailbox?.close();
});

/** `npm run digest -- --frequency <f>` on the server's DATA_DIR (asynchronous: the mailbox runs in this process). */
function runDigest(frequency: string): Promise<{ status: number | null; out: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/digest.ts', '--frequency', frequency], {
		cwd: ROOT,
		env: { ...process.env, DATA_DIR: server.dataDir, SMTP_URL: mailbox.url, ORIGIN: server.url },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr.on('data', (d: Buffer) => (out += d.toString()));
	return new Promise((resolve) => child.on('exit', (status) => resolve({ status, out })));
}

/** A raw header's value, as sent. */
const header = (mail: ParsedMail, name: string) =>
	mail.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '').trim();
const listUnsubscribeUrl = (mail: ParsedMail) => /<([^>]+)>/.exec(header(mail, 'list-unsubscribe') ?? '')?.[1] ?? '';

async function memberOf(owner: Person, who: Person): Promise<string> {
	const id = await initiative(owner, 'Repair café <Croix-Rousse> & co');
	expect((await who.client.post(`/api/initiatives/${id}/join`)).status).toBe(200);
	return id;
}

describe('instant mails', () => {
	it('a role change is mailed at once, text and HTML, escaped, with one-click unsubscribe headers', async () => {
		const owner = await person(server, 'Odile');
		const member = await person(server, 'Mia');
		const id = await memberOf(owner, member);
		await owner.client.post(`/api/initiatives/${id}/members/${member.id}/role`, { role: 'admin' });
		const mail = await mailbox.waitFor((m) => recipientOf(m) === member.email);
		expect(mail.subject).toContain('Repair café <Croix-Rousse> & co');
		expect(mail.text).toContain('administrateur·rice');
		expect(mail.html).toContain('Repair café &lt;Croix-Rousse&gt; &amp; co');
		expect(mail.html).not.toContain('<Croix-Rousse>');
		expect(listUnsubscribeUrl(mail)).toMatch(/\/api\/unsubscribe\/[a-z2-7]+$/);
		expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
		expect(mail.from?.text).toContain('bonjour@kohero.test');
	});

	it('speaks the person’s language', async () => {
		const owner = await person(server);
		const member = await person(server, 'Sam');
		const id = await memberOf(owner, member);
		const session = member.client.cookie;
		member.client.cookie = `${session}; kohero_lang=en`;
		expect((await member.client.get('/api/me/activity')).status).toBe(200);
		member.client.cookie = session;
		await owner.client.post(`/api/initiatives/${id}/members/${member.id}/role`, { role: 'admin' });
		const mail = await mailbox.waitFor((m) => recipientOf(m) === member.email);
		expect(mail.text).toContain('Hello Sam');
		expect(mail.text).toContain('Your role in');
	});
});

describe('digests', () => {
	it('lists exactly the unread items not yet mailed, never twice; instant-off people get theirs in the digest', async () => {
		const owner = await person(server, 'Olga');
		const id = await initiative(owner, 'Jardin des Pentes');
		const joiners = [];
		for (const name of ['Ana', 'Bea', 'Cyril']) {
			const p = await person(server, name);
			await p.client.post(`/api/initiatives/${id}/join`);
			joiners.push(p);
		}
		// Ana's arrival is read; Bea's and Cyril's are not.
		const items = await activityOf(owner);
		await owner.client.post('/api/me/activity/read', { upTo: items[2].id });
		// A daily person is not in the weekly digest.
		const daily = await person(server, 'Dan');
		await daily.client.patch('/api/me/notifications', { emailDigest: 'daily' });
		const dailyInitiative = await initiative(daily);
		await (await person(server)).client.post(`/api/initiatives/${dailyInitiative}/join`);
		expect(await activityOf(daily)).toHaveLength(1);

		// Someone who turned instant mails off gets their role change in the digest instead.
		const quiet = await person(server, 'Eve');
		await quiet.client.patch('/api/me/notifications', { emailInstant: false });
		await quiet.client.post(`/api/initiatives/${id}/join`);
		await owner.client.post(`/api/initiatives/${id}/members/${quiet.id}/role`, { role: 'admin' });

		const first = await runDigest('weekly');
		expect(first.status, first.out).toBe(0);
		const digest = await mailbox.waitFor((m) => recipientOf(m) === owner.email);
		expect(digest.subject).toBe('Kohero : 3 nouveautés');
		expect(digest.text).toContain('Eve a rejoint');
		expect(digest.text).toContain('Cyril a rejoint « Jardin des Pentes »');
		expect(digest.text).toContain('Bea a rejoint');
		expect(digest.text).not.toContain('Ana');
		expect(digest.html).toContain('Cyril a rejoint');
		expect(header(digest, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
		expect(listUnsubscribeUrl(digest)).toContain('/api/unsubscribe/');
		expect(mailbox.to(daily.email)).toHaveLength(0);
		const quietDigest = await mailbox.waitFor((m) => recipientOf(m) === quiet.email);
		expect(quietDigest.text).toContain('Votre rôle dans « Jardin des Pentes » : administrateur·rice');
		expect(mailbox.to(quiet.email)).toHaveLength(1);

		const again = await runDigest('weekly');
		expect(again.status, again.out).toBe(0);
		expect(again.out).toContain('0 digest(s) sent');
		expect(mailbox.to(owner.email)).toHaveLength(1);
	});

	it('refuses an unknown frequency', async () => {
		expect((await runDigest('hourly')).status).toBe(2);
	});
});

describe('one-click unsubscribe', () => {
	async function unsubscribeLink(): Promise<{ who: Person; url: string }> {
		const owner = await person(server);
		const member = await person(server);
		const id = await memberOf(owner, member);
		await owner.client.post(`/api/initiatives/${id}/members/${member.id}/role`, { role: 'admin' });
		const mail = await mailbox.waitFor((m) => recipientOf(m) === member.email);
		return { who: member, url: listUnsubscribeUrl(mail).replace(/^https?:\/\/[^/]+/, server.url) };
	}

	it('GET shows a page with a button and changes nothing', async () => {
		const { who, url } = await unsubscribeLink();
		const res = await fetch(url);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/html');
		const html = await res.text();
		expect(html).toContain('<form method="post"');
		expect(html).toContain('Me désabonner');
		expect((await who.client.get('/api/me/notifications')).body).toMatchObject({ emailDigest: 'weekly', emailInstant: true });
	});

	it('POST List-Unsubscribe=One-Click with no cookie and no Origin → 200, digest off and instant mails off', async () => {
		const { who, url } = await unsubscribeLink();
		const res = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click'
		});
		expect(res.status).toBe(200);
		expect((await who.client.get('/api/me/notifications')).body).toMatchObject({ emailDigest: 'off', emailInstant: false });
		const unknown = await fetch(url.replace(/[a-z2-7]{8}$/, 'aaaaaaaa'), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(unknown.status).toBe(404);
	});

	it('every other route still refuses cross-site forms', async () => {
		const p = await person(server);
		for (const headers of [{ origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
			const res = await fetch(`${server.url}/api/auth/logout`, {
				method: 'POST',
				headers: { ...headers, cookie: p.client.cookie, 'content-type': 'application/x-www-form-urlencoded' },
				body: 'a=b'
			});
			expect(res.status).toBe(403);
		}
		expect((await p.client.get('/api/me')).status).toBe(200);
		// Encoded paths do not slip through the exemption.
		const encoded = await fetch(`${server.url}/api/unsub%73cribe/aaaaaaaaaaaaaaaaaaaa`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click'
		});
		expect(encoded.status).toBe(403);
	});
});

describe('password reset', () => {
	it('answers 202 either way, mails a single-use link, and ends every other session (its socket closes)', async () => {
		const owner = await person(server, 'Rose');
		const docId = await initiative(owner);
		// Another device of the same person, with a live /sync socket.
		const other = new Client(server.url);
		expect((await other.post('/api/auth/login', { email: owner.email, password: 'motdepasse-solide' })).status).toBe(200);
		const socket = await rawSocket(server.wsUrl, docId, other.cookie);
		const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));

		const anonymous = new Client(server.url);
		const unknown = await anonymous.post('/api/auth/password-reset', { email: 'personne@exemple.fr' });
		const known = await anonymous.post('/api/auth/password-reset', { email: owner.email.toUpperCase() });
		expect([unknown.status, known.status]).toEqual([202, 202]);
		expect(unknown.text).toBe(known.text);
		expect((await anonymous.post('/api/auth/password-reset', { email: 'pas-une-adresse' })).status).toBe(400);

		const mail = await mailbox.waitFor((m) => recipientOf(m) === owner.email && /mot de passe/.test(m.subject ?? ''));
		expect(mail.headers.has('list-unsubscribe')).toBe(false);
		const token = /\/reset\/([a-z2-7]+)/.exec(mail.text ?? '')?.[1];
		expect(token).toBeTruthy();
		expect(mail.html).toContain(`/reset/${token}`);

		const short = await anonymous.post('/api/auth/password-reset/confirm', { token, password: 'court' });
		expect(short.status).toBe(400);
		const confirm = await anonymous.post('/api/auth/password-reset/confirm', { token, password: 'un-nouveau-mot-de-passe' });
		expect(confirm.status).toBe(200);
		expect(confirm.body.user.id).toBe(owner.id);
		expect(anonymous.cookie).toMatch(/^kohero_session=/);
		expect((await anonymous.get('/api/me')).status).toBe(200);

		expect(await closed).toBe(4401);
		expect((await other.get('/api/me')).status).toBe(401);
		expect((await owner.client.get('/api/me')).status).toBe(401);
		expect((await anonymous.post('/api/auth/password-reset/confirm', { token, password: 'encore-un-autre-mdp' })).status).toBe(400);
		const fresh = new Client(server.url);
		expect((await fresh.post('/api/auth/login', { email: owner.email, password: 'un-nouveau-mot-de-passe' })).status).toBe(200);
		expect(await closeCodeOf(server.wsUrl, docId, other.cookie)).toBe(4401);
	});

	it('is rate-limited per address', async () => {
		const anonymous = new Client(server.url);
		const email = `limite-${Date.now()}@exemple.fr`;
		const statuses = [];
		for (let i = 0; i < 6; i++) statuses.push((await anonymous.post('/api/auth/password-reset', { email })).status);
		expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
		expect(statuses[5]).toBe(429);
	});
});
