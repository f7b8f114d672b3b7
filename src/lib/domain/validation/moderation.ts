/** Input schemas of the moderation endpoints (API.md "Moderation"). */
import * as v from 'valibot';
import { M } from './messages';
import { ID_PATTERN } from '../ids';
import { REPORT_REASONS, REPORT_TARGETS } from '../moderation';

/** Validation messages of this area, i18n keys under `moderation.errors.*`. */
const MM = {
	targetType: 'moderation.errors.target_type',
	reason: 'moderation.errors.reason',
	action: 'moderation.errors.action',
	statement: 'moderation.errors.statement',
	text: 'moderation.errors.text',
	status: 'moderation.errors.status'
} as const;

/** Control characters (but tab and new line) and bidirectional overrides hide what a text says. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** A free text of at most `max` characters, trimmed, without hidden characters. */
const freeText = (max: number) =>
	v.pipe(v.string(MM.text), v.trim(), v.maxLength(max, M.tooLong), v.check((s) => !UNSAFE.test(s), MM.text));

const id = v.pipe(v.string(M.id), v.regex(ID_PATTERN, M.id));

/** `POST /api/reports` */
export const reportInput = v.pipe(
	v.object({
		targetType: v.picklist(REPORT_TARGETS, MM.targetType),
		targetId: id,
		initiativeId: v.optional(id),
		reason: v.picklist(REPORT_REASONS, MM.reason),
		details: v.optional(freeText(1000), '')
	}),
	v.forward(
		v.check((r) => (r.targetType !== 'message' && r.targetType !== 'idea') || r.initiativeId !== undefined, M.required),
		['initiativeId']
	)
);
export type ReportInput = v.InferOutput<typeof reportInput>;

/** A statement of reasons: what the author receives (DSA art. 17), 3–2000 characters. */
const statement = v.pipe(freeText(2000), v.minLength(3, MM.statement));

/** `POST /api/moderation/reports/:id/decision` */
export const decisionInput = v.object({
	action: v.picklist(['dismiss', 'hide', 'restore', 'suspend_author'], MM.action),
	statement
});
export type DecisionInput = v.InferOutput<typeof decisionInput>;

/** `POST /api/initiatives/:id/content/remove` (owners/admins): a message or an idea. */
export const removeContentInput = v.object({
	targetType: v.picklist(['message', 'idea'], MM.targetType),
	targetId: id,
	statement: v.optional(freeText(2000), '')
});
export type RemoveContentInput = v.InferOutput<typeof removeContentInput>;

/** `POST /api/me/blocks` */
export const blockInput = v.object({ userId: id });

/** `GET /api/moderation/reports?status=` */
export const reportsQuery = v.object({ status: v.optional(v.picklist(['open', 'closed'], MM.status), 'open') });
