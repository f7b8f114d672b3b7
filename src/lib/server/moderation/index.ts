/**
 * Moderation and community safety (API.md "Moderation"): reports and the
 * automatic threshold, decisions with statements of reasons (the audit log),
 * hidden initiatives, removals from workspaces, suspensions, blocks, retention.
 * Routes call these; none of them touch SQL.
 */
export { createReport, listOwnReports } from './reports';
export { decideReport, removeContent, toDecision } from './decisions';
export { listReportGroups } from './queue';
export { listAudit } from './audit';
export { listDecisionsAbout } from './decision-log';
export { isModerator, grantModerator, revokeModerator, listModerators } from './moderators';
export { initiativeVisibility, assertNotHidden, isDocHiddenFrom } from './visibility';
export { assertNotSuspended, suspendUser } from './suspension';
export { blockUser, unblockUser, listBlocked } from './blocks';
export { removeMember } from './remove-member';
export { purgeClosedReports } from './retention';
export { moderationSettings } from './settings';
