/**
 * Outgoing mail: through SMTP when `SMTP_URL` is set (e.g. smtp://127.0.0.1:2525),
 * otherwise each message is written as an `.eml` file under `DATA_DIR/mail/`, so
 * `npm start` needs no mail server and a person can open what would have been sent.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { dataDirFromEnv } from '$store/db';
import { log } from '../log';

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html: string;
	/** Extra headers, e.g. List-Unsubscribe. */
	headers?: Record<string, string>;
}

const DEFAULT_FROM = 'Kohero <no-reply@kohero.localhost>';

let transport: { kind: 'smtp' | 'file'; transporter: Transporter } | null = null;

function getTransport(): { kind: 'smtp' | 'file'; transporter: Transporter } {
	if (transport) return transport;
	const url = process.env.SMTP_URL;
	transport = url
		? { kind: 'smtp', transporter: nodemailer.createTransport(url) }
		: { kind: 'file', transporter: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }) };
	return transport;
}

/** Sends one mail; resolves with where it went (message id, or the .eml path). Throws if SMTP refuses. */
export async function sendMail(mail: OutgoingMail): Promise<{ messageId: string; file?: string }> {
	const { kind, transporter } = getTransport();
	const info = (await transporter.sendMail({
		from: process.env.MAIL_FROM || DEFAULT_FROM,
		to: mail.to,
		subject: mail.subject,
		text: mail.text,
		html: mail.html,
		headers: mail.headers
	})) as { messageId: string; message?: Buffer };
	if (kind === 'smtp') {
		log.info('mail_sent', { to: mail.to, messageId: info.messageId });
		return { messageId: info.messageId };
	}
	const folder = join(dataDirFromEnv(), 'mail');
	mkdirSync(folder, { recursive: true });
	// Sortable by time; the random part keeps two mails of one millisecond apart.
	const file = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomUUID().slice(0, 8)}.eml`);
	writeFileSync(file, info.message ?? '');
	log.info('mail_written', { to: mail.to, file });
	return { messageId: info.messageId, file };
}

/** Forgets the transport (tests that change SMTP_URL between cases). */
export function resetMailTransport(): void {
	transport?.transporter.close();
	transport = null;
}
