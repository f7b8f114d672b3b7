/** Moderation words shared by the server, the validation and the pages (API.md "Moderation"). */
export const REPORT_TARGETS = ['initiative', 'meeting', 'message', 'idea', 'user'] as const;
export const REPORT_REASONS = ['spam', 'offensive', 'illegal', 'off_topic', 'other'] as const;
/** The four decisions a moderator takes, and what owners/admins or the threshold do. */
export const DECISION_ACTIONS = ['dismiss', 'hide', 'restore', 'suspend_author', 'auto_hide', 'remove'] as const;

export type ReportTarget = (typeof REPORT_TARGETS)[number];
export type ReportReason = (typeof REPORT_REASONS)[number];
export type DecisionAction = (typeof DECISION_ACTIONS)[number];
export type ModeratorAction = Exclude<DecisionAction, 'auto_hide' | 'remove'>;

/** One reported target in the review queue: reasons and count; who reported only for moderators. */
export interface ReportGroup {
	/** The report a decision is taken on (the oldest open one; deciding closes every open report of the target). */
	id: string;
	status: 'open' | 'closed';
	target: {
		type: ReportTarget;
		id: string;
		initiativeId: string | null;
		/** The reported text, kept after the content is removed. */
		text: string;
		/** Hidden or removed now. */
		hidden: boolean;
	};
	initiative: { id: string; title: string } | null;
	/** Whose content it is (the person a decision is sent to). */
	author: { id: string; displayName: string } | null;
	reasons: Partial<Record<ReportReason, number>>;
	count: number;
	firstReportedAt: string;
	lastReportedAt: string;
	/** The decision that closed it (closed reports). */
	decision: { action: DecisionAction; statement: string; createdAt: string } | null;
	/** Moderators only: each report with its reporter. */
	reports?: { id: string; reason: ReportReason; details: string; createdAt: string; reporter: { id: string; displayName: string } }[];
}

/** A person's own report, as in their data export. */
export interface OwnReport {
	id: string;
	targetType: ReportTarget;
	targetId: string;
	initiativeId: string | null;
	reason: ReportReason;
	details: string;
	status: 'open' | 'closed';
	createdAt: string;
	closedAt: string | null;
}

/** One entry of the audit log. */
export interface AuditEntry {
	id: string;
	action: DecisionAction;
	targetType: ReportTarget;
	targetId: string;
	initiativeId: string | null;
	statement: string;
	/** null: taken automatically (the report threshold). */
	actor: { id: string; displayName: string } | null;
	author: { id: string; displayName: string } | null;
	reportId: string | null;
	createdAt: string;
}
