/**
 * A real SMTP server on loopback (smtp-server) that parses what it receives
 * (mailparser): tests point SMTP_URL at it and wait for mails.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface Mailbox {
	url: string;
	mails: ParsedMail[];
	/** Resolves with the first mail (already received or to come) matching `match`. */
	waitFor(match: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
	/** Mails sent to `address`. */
	to(address: string): ParsedMail[];
	close(): Promise<void>;
}

/** The address a mail was sent to (first recipient). */
export function recipientOf(mail: ParsedMail): string {
	const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
	return to?.value[0]?.address ?? '';
}

/** Starts a mailbox on 127.0.0.1, port 0. */
export async function startMailbox(): Promise<Mailbox> {
	const mails: ParsedMail[] = [];
	const waiters = new Set<() => void>();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					mails.push(mail);
					for (const wake of waiters) wake();
					callback();
				})
				.catch((err: Error) => callback(err));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	return {
		url: `smtp://127.0.0.1:${port}`,
		mails,
		to: (address) => mails.filter((m) => recipientOf(m) === address.toLowerCase()),
		waitFor(match, timeoutMs = 20_000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					const found = mails.find(match);
					if (!found) return;
					waiters.delete(check);
					clearTimeout(timer);
					resolve(found);
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(new Error(`no matching mail within ${timeoutMs} ms (${mails.length} received)`));
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
