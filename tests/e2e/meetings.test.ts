/**
 * Meetings end to end in Chromium: schedule and answer; meeting mode offline on
 * two devices, merged on reconnection; a share file imported by a third device
 * that never had the meeting; and, the server gone for good, a device still
 * opens, edits and exports what it has seen.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousA11yViolations, useServerAndBrowser } from '../helpers/browser';
import { clientOf, LYON, signUp, waitForController } from './pwa-helpers';

const env = useServerAndBrowser();
const mobile = { viewport: { width: 390, height: 844 }, acceptDownloads: true };
const shared: { initiativeId?: string; meetingId?: string; alice?: BrowserContext; shareFile?: string } = {};

async function openMeetingMode(page: Page, meetingId: string): Promise<void> {
	await page.goto(`${env.server.url}/meetings/${meetingId}`);
	await waitForController(page);
	await page.reload();
	await page.getByRole('heading', { name: 'Mode réunion' }).waitFor();
	const status = page.locator('[data-meeting-mode] [data-status]');
	await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('synced');
}

async function addGuest(page: Page, name: string): Promise<void> {
	await page.getByRole('tab', { name: 'Présences' }).click();
	await page.getByLabel('Nom de la personne invitée').fill(name);
	await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
	await page.getByText(name, { exact: true }).waitFor();
}

describe('meetings', () => {
	it('schedule, answer, then run the meeting offline on two devices and find one merged result', async () => {
		const alice = await env.browser.newContext(mobile);
		const bob = await env.browser.newContext(mobile);
		await signUp(alice, env.server.url, 'Alice');
		await signUp(bob, env.server.url, 'Bob');
		const api = await clientOf(alice, env.server.url);
		const initiativeId = (await api.post('/api/initiatives', { title: 'Jardin des Pentes', summary: '', category: 'food', ...LYON })).body.initiative.id as string;
		await (await clientOf(bob, env.server.url)).post(`/api/initiatives/${initiativeId}/join`);

		const a = await alice.newPage();
		await a.goto(`${env.server.url}/initiatives/${initiativeId}`);
		await waitForController(a);
		await a.reload();
		await a.getByRole('button', { name: '+ Programmer une réunion' }).click();
		await a.getByLabel('Titre', { exact: true }).fill('Réunion de rentrée');
		await a.getByLabel('Heure de début').fill('19:00');
		await a.getByLabel('Lieu précis (facultatif)').fill('Salle des fêtes');
		await a.getByRole('button', { name: 'Programmer', exact: true }).click();
		const link = a.getByRole('link', { name: 'Réunion de rentrée' });
		await link.waitFor();
		await expect.poll(() => a.locator('[data-meeting]').getAttribute('data-meeting')).toMatch(/^[A-Za-z0-9_-]{21}$/);
		// Replayed through the outbox: the server has it once the "pending" tag is gone.
		await a.getByText(/0 personne vient/).waitFor({ timeout: 20_000 });
		const meetingId = (await a.locator('[data-meeting]').getAttribute('data-meeting'))!;
		expect((await api.get(`/api/meetings/${meetingId}`)).body.meeting.title).toBe('Réunion de rentrée');

		await link.click();
		await a.getByRole('heading', { name: 'Réunion de rentrée' }).waitFor();
		await a.getByRole('button', { name: 'Je viens' }).click();
		await expect.poll(() => a.getByTestId('attending').textContent()).toBe('1 personne vient');
		expect(await seriousA11yViolations(a)).toEqual([]);

		await openMeetingMode(a, meetingId);
		const b = await bob.newPage();
		await openMeetingMode(b, meetingId);

		await alice.setOffline(true);
		await bob.setOffline(true);
		// Alice: attendance, a vote with a count, a consenting newcomer.
		await a.getByRole('checkbox', { name: 'Alice' }).check();
		await addGuest(a, 'Invitée A');
		await a.getByRole('tab', { name: 'Votes' }).click();
		await a.getByLabel('Question').fill('Un composteur ?');
		await a.getByRole('button', { name: 'Ouvrir le vote' }).click();
		await a.getByLabel('Mains levées pour « Pour »').fill('12');
		await a.getByLabel('Mains levées pour « Pour »').blur();
		await a.getByRole('tab', { name: 'Nouvelles personnes' }).click();
		await a.getByLabel('Nom', { exact: true }).fill('Lou');
		await a.getByLabel('E-mail (facultatif)').fill('lou@exemple.fr');
		await a.getByLabel('J’accepte d’être recontacté·e par cette initiative').check();
		await a.getByRole('button', { name: 'Enregistrer' }).click();
		await a.getByText('lou@exemple.fr').waitFor();
		// Bob, on his own device at the same time.
		await b.getByRole('checkbox', { name: 'Bob' }).check();
		await addGuest(b, 'Invité B');
		await b.getByRole('tab', { name: 'Votes' }).click();
		await b.getByLabel('Question').fill('Le samedi matin ?');
		await b.getByRole('button', { name: 'Ouvrir le vote' }).click();
		await b.getByRole('tab', { name: 'Nouvelles personnes' }).click();
		await b.getByLabel('Nom', { exact: true }).fill('Sam');
		await b.getByRole('button', { name: 'Enregistrer' }).click();
		await b.getByText('Sam', { exact: true }).waitFor();

		await alice.setOffline(false);
		await bob.setOffline(false);
		for (const page of [a, b]) {
			await page.getByRole('tab', { name: 'Présences' }).click();
			await page.getByText('4 présent·es').waitFor({ timeout: 20_000 });
			await page.getByRole('tab', { name: 'Votes' }).click();
			await page.getByRole('group', { name: 'Un composteur ?' }).waitFor();
			await page.getByRole('group', { name: 'Le samedi matin ?' }).waitFor();
			const compost = page.getByRole('group', { name: 'Un composteur ?' });
			await expect.poll(() => compost.getByLabel('Mains levées pour « Pour »').inputValue()).toBe('12');
			await page.getByRole('tab', { name: 'Nouvelles personnes' }).click();
			await page.getByText('Lou', { exact: true }).waitFor();
			await page.getByText('Sam', { exact: true }).waitFor();
		}
		expect(await seriousA11yViolations(b)).toEqual([]);
		// The consenting newcomer got one invitation (an .eml without SMTP_URL). Bob's "meeting scheduled"
		// mail is in the same folder: count only the mails addressed to the newcomer.
		const mailDir = join(env.server.dataDir, 'mail');
		const mailsTo = (address: string) => {
			try {
				return readdirSync(mailDir).filter((name) => /^To: .*$/m.exec(readFileSync(join(mailDir, name), 'utf8'))?.[0].includes(address));
			} catch {
				return [];
			}
		};
		await expect.poll(() => mailsTo('lou@exemple.fr').length, { timeout: 20_000 }).toBe(1);
		expect(readFileSync(join(mailDir, mailsTo('lou@exemple.fr')[0]), 'utf8')).toContain('Jardin des Pentes');
		await bob.close();
		Object.assign(shared, { initiativeId, meetingId, alice });
	}, 240_000);

	it('exports the meeting in one context and imports it in a third that never had it', async () => {
		const a = shared.alice!.pages()[0];
		await a.getByRole('tab', { name: 'Présences' }).click();
		const download = a.waitForEvent('download');
		await a.getByRole('button', { name: 'Partager hors ligne' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/\.kohero$/);
		shared.shareFile = `/tmp/kohero-share-${Date.now()}.kohero`;
		await file.saveAs(shared.shareFile);

		const carol = await env.browser.newContext(mobile);
		await signUp(carol, env.server.url, 'Carol');
		await (await clientOf(carol, env.server.url)).post(`/api/initiatives/${shared.initiativeId}/join`);
		const c = await carol.newPage();
		await c.goto(`${env.server.url}/meetings/import`);
		await waitForController(c);
		await c.reload();
		await c.getByText('Importer', { exact: true }).first().waitFor();
		await carol.setOffline(true);
		await c.getByLabel('Fichier de réunion Kohero').setInputFiles(shared.shareFile);
		await c.getByText('Fichier importé').waitFor();
		await c.getByRole('link', { name: 'Mode réunion' }).click();
		await c.getByRole('heading', { name: 'Réunion de rentrée' }).waitFor();
		await c.getByText('Invitée A', { exact: true }).waitFor();
		await c.getByText('Invité B', { exact: true }).waitFor();
		// Her own offline edit on the imported copy reaches the others once she is back online.
		await addGuest(c, 'Invitée C');
		await carol.setOffline(false);
		await a.getByText('Invitée C', { exact: true }).waitFor({ timeout: 20_000 });
		await carol.close();
	}, 180_000);

	it('with the server stopped for good, a device still opens, edits and exports what it has seen', async () => {
		const alice = shared.alice!;
		const a = alice.pages()[0];
		await env.server.stop();
		await a.goto(`${env.server.url}/initiatives/${shared.initiativeId}`);
		await a.getByRole('heading', { name: 'Jardin des Pentes' }).waitFor();
		await a.getByRole('link', { name: 'Réunion de rentrée' }).waitFor();
		await a.goto(`${env.server.url}/meetings/${shared.meetingId}`);
		await a.getByRole('heading', { name: 'Réunion de rentrée' }).waitFor();
		await addGuest(a, 'Après l’arrêt');
		const download = a.waitForEvent('download');
		await a.getByRole('button', { name: 'Partager hors ligne' }).click();
		const path = `/tmp/kohero-share-late-${Date.now()}.kohero`;
		await (await download).saveAs(path);
		expect(readFileSync(path).toString('latin1')).toContain('KOHERO-SHARE/1');
		await alice.close();
	}, 120_000);
});
