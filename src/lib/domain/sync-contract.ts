/**
 * What the browser, the relay and the database must agree on, in one place:
 * the relay's close codes and size limits (API.md, "Collaborative documents"),
 * initiative roles and account kinds. Drizzle's enums, the relay's hooks and
 * limits, validation and the browser's types all derive from these constants.
 * Pure data: imported from both sides of every wall.
 */

/** WebSocket close codes the relay uses. */
export const CloseCode = {
	goingAway: 1001,
	malformed: 1007,
	tooBig: 1009,
	internal: 1011,
	/** The server will not hold more for this socket (it does not read). */
	tryAgainLater: 1013,
	unauthenticated: 4401,
	forbidden: 4403,
	unknownDoc: 4404
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** One WebSocket message at most (the socket's maxPayload; beyond → 1009). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
/** One document at most (beyond → 1009 for the sender). */
export const MAX_DOC_BYTES = 20 * 1024 * 1024;

/** Which document shape a doc id names: an initiative's workspace or a meeting's notes. */
export const DOC_KINDS = ['initiative', 'meeting'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** Roles in an initiative, strongest first. */
export const ROLES = ['owner', 'admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of account. */
export const USER_KINDS = ['person', 'association', 'commune'] as const;
export type UserKind = (typeof USER_KINDS)[number];
