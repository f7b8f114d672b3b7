/**
 * The meeting document's shape (API.md "Meeting mode"): attendance, show-of-hands
 * votes, newcomers and minutes, as pure functions over a Y.Doc. Every client
 * (and the server's newcomer watcher) reads and writes through these, so two
 * devices used offline in the same room merge into one record.
 */
import * as Y from 'yjs';
import { cleanText, fail, num, OK, str, type EditResult } from '../workspace/shape';

export const ATTENDANCE = 'attendance';
export const VOTES = 'votes';
export const NEWCOMERS = 'newcomers';
export const MINUTES = 'minutes';
/** The only root names a meeting document may hold. */
export const MEETING_ROOTS = [ATTENDANCE, VOTES, NEWCOMERS, MINUTES] as const;

export const MEETING_LIMITS = { name: 80, question: 300, option: 80, options: 12, email: 254, count: 100_000 } as const;

export const attendanceOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(ATTENDANCE);
export const votesOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(VOTES);
export const newcomersOf = (doc: Y.Doc): Y.Array<Y.Map<unknown>> => doc.getArray<Y.Map<unknown>>(NEWCOMERS);
export const minutesOf = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(MINUTES);

/** One line of the attendance sheet: a member (`key` = user id) or a guest (`guest:<id>`). */
export interface Attendee {
	key: string;
	name: string;
	userId: string | null;
	at: number;
}

/** Ticks a member present (idempotent: the first tick's time is kept). */
export function markPresent(doc: Y.Doc, input: { userId: string; name: string; now: number }): EditResult {
	const clean = cleanText(input.name, MEETING_LIMITS.name);
	if ('error' in clean) return fail(clean.error);
	const sheet = attendanceOf(doc);
	if (sheet.get(input.userId) instanceof Y.Map) return OK;
	const line = new Y.Map<unknown>();
	line.set('name', clean.text);
	line.set('userId', input.userId);
	line.set('at', input.now);
	sheet.set(input.userId, line);
	return OK;
}

/** Adds a guest by name under `guest:<id>`. */
export function addGuest(doc: Y.Doc, input: { id: string; name: string; now: number }): EditResult {
	const clean = cleanText(input.name, MEETING_LIMITS.name);
	if ('error' in clean) return fail(clean.error);
	const line = new Y.Map<unknown>();
	line.set('name', clean.text);
	line.set('at', input.now);
	attendanceOf(doc).set(`guest:${input.id}`, line);
	return OK;
}

/** Unticks a member or removes a guest. */
export function removeAttendee(doc: Y.Doc, key: string): EditResult {
	const sheet = attendanceOf(doc);
	if (!sheet.has(key)) return fail('not_found');
	sheet.delete(key);
	return OK;
}

/** The sheet, by name (then key), well-formed lines only. */
export function readAttendance(doc: Y.Doc): Attendee[] {
	const out: Attendee[] = [];
	for (const [key, line] of attendanceOf(doc).entries()) {
		if (!(line instanceof Y.Map)) continue;
		const name = str(line, 'name');
		if (!name) continue;
		out.push({ key, name: name.slice(0, MEETING_LIMITS.name), userId: str(line, 'userId') ?? null, at: num(line, 'at') });
	}
	return out.sort((a, b) => a.name.localeCompare(b.name, 'fr') || (a.key < b.key ? -1 : 1));
}

/** A show-of-hands vote as read back. */
export interface Vote {
	id: string;
	question: string;
	options: string[];
	counts: Record<string, number>;
	closed: boolean;
}

function findById(array: Y.Array<Y.Map<unknown>>, id: string): Y.Map<unknown> | undefined {
	for (const item of array) if (item instanceof Y.Map && item.get('id') === id) return item;
	return undefined;
}

/** Opens a vote: a question and 2–12 distinct options, every count at 0. */
export function addVote(doc: Y.Doc, input: { id: string; question: string; options: string[] }): EditResult {
	const question = cleanText(input.question, MEETING_LIMITS.question);
	if ('error' in question) return fail(question.error);
	const options = [...new Set(input.options.map((o) => o.trim()).filter(Boolean))];
	if (options.length < 2 || options.length > MEETING_LIMITS.options) return fail('required');
	if (options.some((o) => o.length > MEETING_LIMITS.option)) return fail('too_long');
	const vote = new Y.Map<unknown>();
	vote.set('id', input.id);
	vote.set('question', question.text);
	const list = new Y.Array<string>();
	list.push(options);
	vote.set('options', list);
	const counts = new Y.Map<number>();
	for (const option of options) counts.set(option, 0);
	vote.set('counts', counts);
	vote.set('closed', false);
	votesOf(doc).push([vote]);
	return OK;
}

/** Sets the counted hands for one option (a whole number ≥ 0); a closed vote does not change. */
export function setVoteCount(doc: Y.Doc, input: { voteId: string; option: string; count: number }): EditResult {
	const vote = findById(votesOf(doc), input.voteId);
	const counts = vote?.get('counts');
	const options = vote?.get('options');
	if (!vote || !(counts instanceof Y.Map) || !(options instanceof Y.Array)) return fail('not_found');
	if (vote.get('closed') === true || !options.toArray().includes(input.option)) return fail('not_found');
	if (!Number.isInteger(input.count) || input.count < 0 || input.count > MEETING_LIMITS.count) return fail('too_long');
	counts.set(input.option, input.count);
	return OK;
}

/** Closes a vote: its counts are final. */
export function closeVote(doc: Y.Doc, voteId: string): EditResult {
	const vote = findById(votesOf(doc), voteId);
	if (!vote) return fail('not_found');
	vote.set('closed', true);
	return OK;
}

/** Every well-formed vote, in the order opened. */
export function readVotes(doc: Y.Doc): Vote[] {
	const out: Vote[] = [];
	for (const item of votesOf(doc)) {
		if (!(item instanceof Y.Map)) continue;
		const id = str(item, 'id');
		const question = str(item, 'question');
		const optionList = item.get('options');
		const countMap = item.get('counts');
		if (!id || !question || !(optionList instanceof Y.Array)) continue;
		const options = optionList.toArray().filter((o): o is string => typeof o === 'string');
		const counts: Record<string, number> = {};
		for (const option of options) counts[option] = countMap instanceof Y.Map ? num(countMap, option) : 0;
		out.push({ id, question, options, counts, closed: item.get('closed') === true });
	}
	return out;
}

/** Someone met at the meeting who wants to hear from the initiative. */
export interface Newcomer {
	id: string;
	name: string;
	email: string | null;
	consent: boolean;
	createdBy: string;
	createdAt: number;
}

const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

/** True for an address a mail can be sent to (no spaces, no header tricks). */
export const isMailable = (email: string): boolean => email.length <= MEETING_LIMITS.email && EMAIL.test(email);

/** Records a newcomer; an e-mail must look like one, and consent is explicit. */
export function addNewcomer(
	doc: Y.Doc,
	input: { id: string; name: string; email?: string; consent: boolean; createdBy: string; now: number }
): EditResult | { ok: false; error: 'email' } {
	const name = cleanText(input.name, MEETING_LIMITS.name);
	if ('error' in name) return fail(name.error);
	const email = input.email?.trim().toLowerCase() ?? '';
	if (email && !isMailable(email)) return { ok: false, error: 'email' };
	const entry = new Y.Map<unknown>();
	entry.set('id', input.id);
	entry.set('name', name.text);
	if (email) entry.set('email', email);
	entry.set('consent', input.consent === true);
	entry.set('createdBy', input.createdBy);
	entry.set('createdAt', input.now);
	newcomersOf(doc).push([entry]);
	return OK;
}

/** Every well-formed newcomer, once per id, in the order recorded. */
export function readNewcomers(doc: Y.Doc): Newcomer[] {
	const out: Newcomer[] = [];
	const seen = new Set<string>();
	for (const item of newcomersOf(doc)) {
		if (!(item instanceof Y.Map)) continue;
		const id = str(item, 'id');
		const name = str(item, 'name');
		if (!id || !name || seen.has(id)) continue;
		seen.add(id);
		const email = str(item, 'email')?.trim().toLowerCase();
		out.push({
			id,
			name: name.slice(0, MEETING_LIMITS.name),
			email: email && isMailable(email) ? email : null,
			consent: item.get('consent') === true,
			createdBy: str(item, 'createdBy') ?? '',
			createdAt: num(item, 'createdAt')
		});
	}
	return out;
}

/** Newcomers who gave an e-mail and agreed to be contacted: those the server invites. */
export function newcomersToInvite(doc: Y.Doc): (Newcomer & { email: string })[] {
	return readNewcomers(doc).filter((n): n is Newcomer & { email: string } => n.consent && n.email !== null);
}
