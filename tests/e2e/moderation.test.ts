/**
 * Moderation in real Chromium: a member reports a message from the workspace,
 * a moderator hides it from the review queue with a statement of reasons, the
 * message leaves every client, and its author receives the decision. The
 * moderation pages pass axe-core on a phone-sized screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../helpers/server';
import { Client } from '../helpers/client';
import { holdAppScripts, launchBrowser, seriousA11yViolations } from '../helpers/browser';
import { connectClient, synced, waitFor, withDb, type SyncClient } from '../relay/helpers';

const TIMEOUT = 15_000;
const MESSAGE_ID = 'msg-e2e-rude-0001';
const TEXT = 'Vous êtes tous des incapables, partez du quartier';

let server: TestServer;
let browser: Browser;
let initiativeId: string;
let authorDoc: SyncClient;
const people = {} as Record<'owner' | 'author' | 'reporter' | 'moderator', { client: Client; id: string }>;
const contexts: BrowserContext[] = [];

async function pageFor(who: keyof typeof people, viewport = { width: 1280, height: 900 }): Promise<Page> {
	const context = await browser.newContext({ viewport, locale: 'fr-FR' });
	contexts.push(context);
	await context.addCookies([{ name: 'kohero_session', value: people[who].client.cookie.split('=')[1], url: server.url }]);
	return context.newPage();
}

const hasMessage = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('messages').toArray().some((m) => m.get('id') === MESSAGE_ID);

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
	for (const [who, name] of [['owner', 'Camille'], ['author', 'Bruno'], ['reporter', 'Aïcha'], ['moderator', 'Modération']] as const) {
		const client = new Client(server.url);
		const user = await client.signup({ displayName: name });
		people[who] = { client, id: user.id };
	}
	withDb(server.dataDir, (sqlite) => sqlite.prepare('INSERT INTO moderators (user_id, granted_at) VALUES (?, ?)').run(people.moderator.id, Date.now()));
	const created = await people.owner.client.post('/api/initiatives', {
		title: 'Repair café du quartier',
		summary: 'On répare ensemble.',
		category: 'solidarity',
		lat: 45.764,
		lng: 4.8357,
		placeName: 'Lyon'
	});
	initiativeId = created.body.initiative.id;
	for (const who of ['author', 'reporter'] as const) await people[who].client.post(`/api/initiatives/${initiativeId}/join`);
	// The author writes from a stock client, as any device would.
	authorDoc = connectClient(server.wsUrl, initiativeId, people.author.client.cookie);
	await synced(authorDoc);
	const entry = new Y.Map<unknown>();
	entry.set('id', MESSAGE_ID);
	entry.set('authorId', people.author.id);
	entry.set('text', TEXT);
	entry.set('createdAt', Date.now());
	authorDoc.doc.getArray<Y.Map<unknown>>('messages').push([entry]);
});

afterAll(async () => {
	authorDoc?.destroy();
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.dispose();
});

describe('moderation', () => {
	it('a member reports a message, a moderator hides it with a statement, the author receives the decision', async () => {
		const reporter = await pageFor('reporter');
		await reporter.goto(`${server.url}/initiatives/${initiativeId}`);
		await reporter.locator('[data-status="synced"]').waitFor({ timeout: TIMEOUT });
		await reporter.getByRole('tab', { name: /^Discussion/ }).click();
		const message = reporter.locator(`li[data-message-id="${MESSAGE_ID}"]`);
		await message.getByText(TEXT).waitFor({ timeout: TIMEOUT });
		await message.getByRole('button', { name: /^Signaler/ }).click();
		const dialog = reporter.getByRole('dialog', { name: 'Signaler ce contenu' });
		await dialog.getByLabel('Contenu offensant').check();
		await dialog.getByLabel('Précisions (facultatif)').fill('Insultes envers les voisin·es');
		await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
		await dialog.getByText('Merci, votre signalement a été envoyé.').waitFor({ timeout: TIMEOUT });
		await dialog.getByRole('button', { name: 'Annuler' }).click();

		const moderator = await pageFor('moderator', { width: 390, height: 844 });
		await moderator.goto(`${server.url}/moderation`);
		const group = moderator.locator(`article[data-report-target="${MESSAGE_ID}"]`);
		await group.getByText(TEXT).waitFor({ timeout: TIMEOUT });
		await group.getByText('Contenu offensant × 1').waitFor();
		expect(await seriousA11yViolations(moderator)).toEqual([]);
		await group.getByLabel('Masquer').check();
		await group.getByLabel('Motivation de la décision (envoyée à l’auteur·rice)').fill('Propos insultants envers d’autres membres.');
		await group.getByRole('button', { name: 'Décider' }).click();
		await moderator.getByText('Décision enregistrée.').waitFor({ timeout: TIMEOUT });

		// Gone from the reporter's open workspace and from the author's client.
		await message.waitFor({ state: 'detached', timeout: TIMEOUT });
		await waitFor(() => !hasMessage(authorDoc.doc), 'the author’s client loses the message', TIMEOUT);

		// The author receives the decision and its reasons (the activity page turns the same event into an item).
		const decisions = await people.author.client.get('/api/me/moderation');
		expect(decisions.body.items[0]).toMatchObject({ action: 'hide', statement: 'Propos insultants envers d’autres membres.', targetId: MESSAGE_ID });
		expect(decisions.text).not.toContain(people.reporter.id);

		// The reported text stays for review in the closed queue; the audit log names the moderator.
		await moderator.goto(`${server.url}/moderation?status=closed`);
		await moderator.locator(`article[data-report-target="${MESSAGE_ID}"]`).getByText(TEXT).waitFor({ timeout: TIMEOUT });
		await moderator.goto(`${server.url}/moderation/audit`);
		await moderator.getByText('« Propos insultants envers d’autres membres. »').waitFor({ timeout: TIMEOUT });
		expect(await seriousA11yViolations(moderator)).toEqual([]);
	});

	it('a member reports a meeting from its page, and the owner sees the report in the queue', async () => {
		const scheduled = await people.owner.client.post(`/api/initiatives/${initiativeId}/meetings`, {
			title: 'Vente de matériel',
			startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString()
		});
		expect(scheduled.status).toBe(201);
		const meetingId = scheduled.body.meeting.id as string;
		const reporter = await pageFor('reporter', { width: 390, height: 844 });
		// A slow phone: the button shows before the page is live, and the tap comes then.
		const letScriptsThrough = await holdAppScripts(reporter);
		await reporter.goto(`${server.url}/meetings/${meetingId}`, { waitUntil: 'commit' });
		await reporter.getByRole('heading', { name: 'Vente de matériel' }).waitFor({ timeout: TIMEOUT });
		const tap = reporter.getByRole('button', { name: /^Signaler/ }).click();
		letScriptsThrough();
		await tap;
		const dialog = reporter.getByRole('dialog', { name: 'Signaler ce contenu' });
		await dialog.getByLabel('Hors sujet').check();
		await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
		await dialog.getByText('Merci, votre signalement a été envoyé.').waitFor({ timeout: TIMEOUT });
		expect(await seriousA11yViolations(reporter)).toEqual([]);
		await dialog.getByRole('button', { name: 'Annuler' }).click();

		// The organiser's own page offers no "Signaler" on the meeting.
		const owner = await pageFor('owner');
		await owner.goto(`${server.url}/meetings/${meetingId}`);
		await owner.getByRole('heading', { name: 'Vente de matériel' }).waitFor({ timeout: TIMEOUT });
		expect(await owner.getByRole('button', { name: /^Signaler/ }).count()).toBe(0);
		const queue = await people.owner.client.get('/api/moderation/reports?status=open');
		expect(queue.body.items.map((item: { target: { id: string } }) => item.target.id)).toContain(meetingId);
	});

	it('a blocked person’s messages are collapsed for the blocker: « message masqué — afficher »', async () => {
		const entry = new Y.Map<unknown>();
		entry.set('id', 'msg-e2e-later-0001');
		entry.set('authorId', people.author.id);
		entry.set('text', 'Qui vient samedi ?');
		entry.set('createdAt', Date.now());
		authorDoc.doc.getArray<Y.Map<unknown>>('messages').push([entry]);
		expect((await people.reporter.client.post('/api/me/blocks', { userId: people.author.id })).status).toBe(201);
		const reporter = await pageFor('reporter', { width: 390, height: 844 });
		await reporter.goto(`${server.url}/initiatives/${initiativeId}`);
		await reporter.locator('[data-status="synced"]').waitFor({ timeout: TIMEOUT });
		await reporter.getByRole('tab', { name: /^Discussion/ }).click();
		const message = reporter.locator('li[data-message-id="msg-e2e-later-0001"]');
		await message.getByText('message masqué').waitFor({ timeout: TIMEOUT });
		expect(await message.getByText('Qui vient samedi ?').count()).toBe(0);
		expect(await seriousA11yViolations(reporter)).toEqual([]);
		await message.getByRole('button', { name: /Afficher le message masqué/ }).click();
		await message.getByText('Qui vient samedi ?').waitFor();
	});

	it('the suspended-account page and the owner’s view of reports pass axe-core', async () => {
		const owner = await pageFor('owner', { width: 390, height: 844 });
		await owner.goto(`${server.url}/moderation?status=closed`);
		await owner.getByRole('heading', { name: 'Signalements sur vos initiatives' }).waitFor({ timeout: TIMEOUT });
		await owner.locator(`article[data-report-target="${MESSAGE_ID}"]`).waitFor({ timeout: TIMEOUT });
		expect(await owner.content()).not.toContain('Aïcha');
		expect(await seriousA11yViolations(owner)).toEqual([]);
		await owner.goto(`${server.url}/suspended`);
		await owner.getByRole('heading', { name: 'Compte suspendu' }).waitFor();
		expect(await seriousA11yViolations(owner)).toEqual([]);
	});
});
