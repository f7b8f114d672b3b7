import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { holdAppScripts, seriousA11yViolations, useServerAndBrowser } from '../helpers/browser';
import { startServer } from '../helpers/server';
import { Client } from '../helpers/client';

const env = useServerAndBrowser();

async function expectAccessible(page: Page) {
	expect(await seriousA11yViolations(page)).toEqual([]);
}

describe('accounts in the browser', () => {
	it('signs up, logs out, logs in, edits the profile and switches language', async () => {
		const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		const consoleErrors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
		page.on('pageerror', (e) => consoleErrors.push(String(e)));
		const email = `e2e-${Date.now()}@exemple.fr`;

		await page.goto(env.server.url + '/');
		expect(await page.getAttribute('html', 'lang')).toBe('fr');
		await page.getByRole('heading', { level: 1 }).waitFor();
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Créer un compte' }).first().click();
		await page.waitForURL('**/signup');
		await expectAccessible(page);
		// Local validation speaks French and names the field.
		await page.getByRole('button', { name: 'Créer mon compte' }).click();
		await page.getByText('Le mot de passe doit contenir au moins 10 caractères.').waitFor();

		await page.getByLabel('Association').check();
		await page.getByLabel('Nom affiché').fill('Les Jardins du Rhône');
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByLabel('Mot de passe').fill('un-mot-de-passe-long');
		await page.getByRole('button', { name: 'Créer mon compte' }).click();
		await page.waitForURL('**/profile');
		await page.getByRole('heading', { name: 'Mon profil' }).waitFor();
		await expectAccessible(page);

		// Profile: bio, two skills (one typed, one suggested), home from the place search, discoverable.
		await page.getByLabel('Présentation de l’association').fill('Association de jardins partagés');
		await page.locator('#skill-draft').fill('Apiculture');
		await page.locator('#skill-draft').press('Enter');
		await page.getByRole('button', { name: '+ compostage' }).click();
		await page.getByRole('combobox', { name: 'Rechercher une commune' }).fill('Villeurb');
		await page.getByRole('option', { name: /Villeurbanne/ }).waitFor();
		await page.getByRole('combobox', { name: 'Rechercher une commune' }).press('Enter');
		await page.getByText('Lieu choisi : Villeurbanne (69100)').waitFor();
		await page.getByLabel('Les habitant·es engagé·es peuvent trouver l’association').check();
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await page.getByText('Profil enregistré.').waitFor();

		const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
		expect(me.user).toMatchObject({
			displayName: 'Les Jardins du Rhône',
			kind: 'association',
			bio: 'Association de jardins partagés',
			skills: ['apiculture', 'compostage'],
			discoverable: true,
			home: { lat: 45.766, lng: 4.8795 }
		});

		// Keyboard only: the bottom navigation is reachable and labelled.
		await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();

		// Log out, then log back in.
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'Me déconnecter' }).click();
		await page.getByRole('link', { name: 'Créer un compte' }).first().waitFor();
		expect((await context.cookies()).find((c) => c.name === 'kohero_session')).toBeUndefined();
		await page.goto(env.server.url + '/login');
		await expectAccessible(page);
		await page.getByLabel('Adresse e-mail').fill(email.toUpperCase());
		await page.getByLabel('Mot de passe').fill('mauvais-mot-de-passe');
		await page.getByRole('button', { name: 'Me connecter' }).click();
		await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
		await page.getByLabel('Mot de passe').fill('un-mot-de-passe-long');
		await page.getByRole('button', { name: 'Me connecter' }).click();
		await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();

		// Switch to English: the page and <html lang> follow, and it survives a reload.
		await page.getByLabel('Langue').selectOption('en');
		await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
		await page.reload();
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await page.goto(env.server.url + '/profile');
		await page.getByRole('heading', { name: 'My profile' }).waitFor();
		// English is English: the association's wording, the e-mail line and the suggested skills.
		await page.getByLabel('About the association').waitFor();
		await page.getByText(/^Email: /).waitFor();
		await page.getByRole('group', { name: 'Suggestions' }).getByRole('button', { name: '+ gardening' }).waitFor();
		expect(await page.getByRole('group', { name: 'Suggestions' }).getByText('jardinage').count()).toBe(0);
		await expectAccessible(page);
		// No script error and no Content-Security-Policy violation along the way
		// (the wrong-password 401 is logged by Chromium as a failed resource load).
		expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
		await context.close();
	});

	it('logs in when « Me connecter » is tapped before the page is live, and the password never goes into an address', async () => {
		const { email } = await new Client(env.server.url).signup();
		const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		const addresses: string[] = [];
		page.on('request', (r) => addresses.push(r.url()));
		// A slow phone: the form shows and is filled before the page is live, and the tap comes then.
		const letScriptsThrough = await holdAppScripts(page);
		await page.goto(env.server.url + '/login', { waitUntil: 'commit' });
		await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByLabel('Mot de passe').fill('motdepasse-solide');
		const tap = page.getByRole('button', { name: 'Me connecter' }).click();
		letScriptsThrough();
		await tap;
		await page.waitForURL((url) => url.pathname === '/');
		await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
		expect(addresses.filter((a) => a.includes('motdepasse'))).toEqual([]);
		await context.close();
	});

	it('logs in with JavaScript off: a wrong password is said in French with the e-mail kept, the right one leads to the feed', async () => {
		const { email } = await new Client(env.server.url).signup();
		const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		const addresses: string[] = [];
		page.on('request', (r) => addresses.push(r.url()));
		await page.goto(env.server.url + '/login');
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
		await page.getByRole('button', { name: 'Me connecter' }).click();
		await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
		expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(email);
		expect(await page.getByLabel('Mot de passe').inputValue()).toBe('');
		await page.getByLabel('Mot de passe').fill('motdepasse-solide');
		await page.getByRole('button', { name: 'Me connecter' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
		expect(addresses.filter((a) => a.includes('motdepasse') || a.includes('mot-de-passe'))).toEqual([]);
		await context.close();
	});

	it('signs up with JavaScript off, as an association, and lands on the profile signed in', async () => {
		const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(env.server.url + '/signup');
		await page.getByLabel('Association').check();
		await page.getByLabel('Nom affiché').fill('Les Jardins du Plateau');
		await page.getByLabel('Adresse e-mail').fill(`sans-js-${Date.now()}@exemple.fr`);
		await page.getByLabel('Mot de passe').fill('court');
		await page.getByRole('button', { name: 'Créer mon compte' }).click();
		await page.getByRole('alert').filter({ hasText: 'Données invalides.' }).waitFor();
		expect(await page.getByLabel('Nom affiché').inputValue()).toBe('Les Jardins du Plateau');
		expect(await page.getByLabel('Association').isChecked()).toBe(true);
		await page.getByLabel('Mot de passe').fill('motdepasse-solide');
		await page.getByRole('button', { name: 'Créer mon compte' }).click();
		await page.waitForURL((url) => url.pathname === '/profile');
		await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
		await context.close();
	});

	it('resets a forgotten password with JavaScript off: the link from the mail, a refusal in French, then signed in; the link works once', async () => {
		const { email } = await new Client(env.server.url).signup();
		const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(env.server.url + '/login');
		await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
		await page.getByLabel('Adresse e-mail').fill('pas-une-adresse');
		await page.getByRole('button', { name: 'Envoyer le lien' }).click();
		await page.getByRole('alert').filter({ hasText: 'Données invalides.' }).waitFor();
		expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe('pas-une-adresse');
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByRole('button', { name: 'Envoyer le lien' }).click();
		await page.getByTestId('reset-sent').waitFor();

		// Without SMTP_URL the mail is an .eml in DATA_DIR/mail; the link is in it.
		const mailDir = join(env.server.dataDir, 'mail');
		const resetLink = async () => {
			for (const name of readdirSync(mailDir, { withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name)) {
				const mail = await simpleParser(readFileSync(join(mailDir, name)));
				const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
				if (to?.value[0]?.address === email) return /\/reset\/[a-z2-7]+/.exec(mail.text ?? '')?.[0] ?? null;
			}
			return null;
		};
		await expect.poll(resetLink, { timeout: 20_000 }).not.toBeNull();
		const link = (await resetLink())!;

		await page.goto(env.server.url + link);
		await page.getByLabel('Nouveau mot de passe').fill('court');
		await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
		await page.getByText('Le mot de passe doit contenir au moins 10 caractères.').waitFor();
		expect(await page.getByLabel('Nouveau mot de passe').inputValue()).toBe('');
		await page.getByLabel('Nouveau mot de passe').fill('un-mot-de-passe-neuf');
		await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
		await page.getByTestId('reset-done').waitFor();
		await page.goto(env.server.url + '/');
		await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();

		// Used once: the same link now says so, and offers a new one.
		await page.goto(env.server.url + link);
		await page.getByLabel('Nouveau mot de passe').fill('encore-un-autre-mdp');
		await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
		await page.getByRole('alert').filter({ hasText: 'Ce lien n’est plus valable. Demandez-en un nouveau.' }).waitFor();
		await page.getByRole('link', { name: 'Mot de passe oublié ?' }).waitFor();
		const fresh = new Client(env.server.url);
		expect((await fresh.post('/api/auth/login', { email, password: 'un-mot-de-passe-neuf' })).status).toBe(200);
		await context.close();
	});

	it('redirects the profile page to log-in without a session', async () => {
		const page = await env.browser.newPage();
		await page.goto(env.server.url + '/profile');
		expect(new URL(page.url()).pathname).toBe('/login');
		await page.close();
	});

	it('keeps the session across a server restart', async () => {
		const c = new Client(env.server.url);
		await c.signup();
		const restarted = await (async () => {
			expect(await env.server.stop()).toBe(0);
			env.server = await startServer({ dataDir: env.server.dataDir });
			return env.server;
		})();
		const again = new Client(restarted.url);
		again.cookie = c.cookie;
		expect((await again.get('/api/me')).status).toBe(200);
	});
});
