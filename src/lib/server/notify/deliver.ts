/**
 * After activity rows are written: the instant mail of the types that never
 * wait for a digest (to people with `emailInstant`), and a push to the devices
 * of people with `push`. Runs off the caller's path; failures are logged and a
 * failed mail's items stay available to the digest.
 */
import { INSTANT_MAIL_TYPES, PUSH_TYPES, activityPath, describeActivity, type ActivityItem, type ActivityType } from '$lib/domain/notifications';
import { formatters } from '$lib/i18n/format';
import { translator } from '$lib/i18n/translate';
import { sendMail } from '../mail';
import { log } from '../log';
import { activityItems } from './list';
import { claimForMail, releaseClaim } from './claim';
import { personToNotify, type Person } from './recipients';
import { publicOrigin } from './origin';
import { instantMail } from './mail/activity-mail';
import { unsubscribeHeaders, unsubscribeUrl } from './mail/footer';
import { pushToUser } from './push';
import type { Recorded } from './record';

const KEY = Symbol.for('kohero.notifyPending');
type Holder = { [KEY]?: Set<Promise<void>> };
const pending = ((globalThis as Holder)[KEY] ??= new Set());

/** Counts `task` among the work `deliveriesSettled` waits for (alerts written over several turns). */
export function track(task: Promise<void>): void {
	pending.add(task);
	void task.finally(() => pending.delete(task));
}

/** Resolves once every delivery started so far is done (shutdown, tests of the CLI). */
export async function deliveriesSettled(): Promise<void> {
	while (pending.size > 0) await Promise.allSettled([...pending]);
}

/** Mails and pushes what `recorded` calls for, without blocking the caller. */
export function deliver(type: ActivityType, recorded: Recorded[], extra: { actionUrl?: string } = {}): void {
	const mail = INSTANT_MAIL_TYPES.includes(type);
	const push = PUSH_TYPES.includes(type);
	if ((!mail && !push) || recorded.length === 0) return;
	track(deliverNow(recorded, mail, push, extra.actionUrl).catch((err: unknown) => log.error('notify_delivery_failed', { type, error: String(err) })));
}

async function deliverNow(recorded: Recorded[], mail: boolean, push: boolean, actionUrl?: string): Promise<void> {
	await new Promise((resolve) => setImmediate(resolve));
	const items = new Map(activityItems(recorded.map((r) => r.id)).map((item) => [Number(item.id), item]));
	const origin = publicOrigin();
	await Promise.all(
		recorded.map(async ({ id, userId }) => {
			const item = items.get(id);
			const person = item ? personToNotify(userId) : null;
			if (!item || !person) return;
			if (mail && person.emailInstant) await mailOne(person, item, origin, actionUrl);
			if (push && person.push) await pushToUser(userId, pushPayload(person, item));
		})
	);
}

async function mailOne(person: Person, item: ActivityItem, origin: string, actionUrl?: string): Promise<void> {
	const claimed = claimForMail(person.userId, [Number(item.id)]);
	if (claimed.length === 0) return;
	const links = { origin, unsubscribeUrl: unsubscribeUrl(origin, person.unsubscribeToken) };
	const action = actionUrl && actionUrl.startsWith('/') ? origin + actionUrl : actionUrl;
	const rendered = instantMail(person, item, links, action);
	try {
		await sendMail({ to: person.email, ...rendered, headers: unsubscribeHeaders(links.unsubscribeUrl) });
	} catch (err) {
		releaseClaim(claimed);
		log.error('notify_mail_failed', { error: String(err) });
	}
}

function pushPayload(person: Person, item: ActivityItem) {
	const t = translator(person.locale);
	return {
		title: item.initiative?.title ?? t('notify.push.title'),
		body: describeActivity(t, formatters(person.locale), item),
		url: activityPath(item),
		tag: `${item.type}-${item.id}`
	};
}
