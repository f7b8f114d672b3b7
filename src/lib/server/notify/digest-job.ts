/**
 * The digest job of the server process: daily digests at 07:00 Europe/Paris,
 * weekly ones on Mondays. Its state is in SQLite (digest_runs: the last slot
 * sent per frequency), so a restart neither skips a slot it missed (it sends
 * it on start) nor repeats one. Checks once a minute.
 */
import { store } from '$store/db';
import { latestDigestSlot, type ScheduledFrequency } from '$lib/domain/notifications';
import { log } from '../log';
import { sendDigests } from './digest';

const FREQUENCIES: ScheduledFrequency[] = ['daily', 'weekly'];
const CHECK_EVERY_MS = 60_000;

/** Sends every digest whose slot is due and not yet done; resolves when finished. */
export async function runDueDigests(now = Date.now()): Promise<void> {
	const { sqlite } = store();
	for (const frequency of FREQUENCIES) {
		const slot = latestDigestSlot(frequency, now);
		const row = sqlite.prepare('SELECT last_slot AS lastSlot FROM digest_runs WHERE frequency = ?').get(frequency) as { lastSlot: number } | undefined;
		if (row && row.lastSlot >= slot) continue;
		await sendDigests(frequency);
		sqlite
			.prepare(
				`INSERT INTO digest_runs (frequency, last_slot, finished_at) VALUES (?, ?, ?)
				 ON CONFLICT (frequency) DO UPDATE SET last_slot = excluded.last_slot, finished_at = excluded.finished_at`
			)
			.run(frequency, slot, Date.now());
	}
}

/** Starts the job; returns the function that stops it. */
export function startDigestJob(): () => void {
	let running: Promise<void> | null = null;
	const tick = () => {
		if (running) return;
		running = runDueDigests()
			.catch((err: unknown) => log.error('digest_job_failed', { error: String(err) }))
			.finally(() => (running = null));
	};
	tick();
	const timer = setInterval(tick, CHECK_EVERY_MS);
	timer.unref();
	return () => clearInterval(timer);
}
