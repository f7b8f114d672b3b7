/** The notifications' specs' setup: a store with a real SMTP server on loopback, people and initiatives. */
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeStore, openStore, store } from '$store/db';
import { resetMailTransport } from '../mail';
import { startMailbox, type Mailbox } from '../../../../tests/helpers/mailbox';

/**
 * For the spec file's lifetime: a store in a fresh DATA_DIR and mail through a real SMTP server on
 * loopback (the returned getter gives it once the file's tests run).
 */
export function useNotifyStore(): () => Mailbox {
	let dir = '';
	let mailbox: Mailbox | undefined;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'kohero-notify-'));
		process.env.DATA_DIR = dir;
		process.env.ORIGIN = 'https://kohero.test';
		mailbox = await startMailbox();
		process.env.SMTP_URL = mailbox.url;
		resetMailTransport();
		openStore(dir);
	});
	afterAll(async () => {
		resetMailTransport();
		closeStore();
		await mailbox?.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return () => {
		if (!mailbox) throw new Error('the mailbox starts before the tests');
		return mailbox;
	};
}

let n = 0;

/** A new person named `name`; their address is `<id>@exemple.fr`. */
export function user(name: string): string {
	const id = `user_${++n}_${name}`.padEnd(12, 'x');
	store()
		.sqlite.prepare("INSERT INTO users (id, email, password_hash, display_name, created_at, updated_at) VALUES (?, ?, 'x', ?, 0, 0)")
		.run(id, `${id}@exemple.fr`.toLowerCase(), name);
	return id;
}

/** A new initiative owned by `owner` with `members`, all joined at `joinedAt`. */
export function initiativeWith(owner: string, members: string[], title = 'Jardin partagé', joinedAt = 0): string {
	const id = `init_${++n}_xxxxxx`;
	const { sqlite } = store();
	sqlite
		.prepare("INSERT INTO initiatives (id, owner_id, title, category, lat, lng, created_at, updated_at, last_activity_at) VALUES (?, ?, ?, 'food', 45.7, 4.8, 0, 0, 0)")
		.run(id, owner, title);
	const add = sqlite.prepare('INSERT INTO memberships (initiative_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)');
	add.run(id, owner, 'owner', joinedAt);
	for (const m of members) add.run(id, m, 'member', joinedAt);
	return id;
}
