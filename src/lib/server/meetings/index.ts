/**
 * Meetings: scheduling, answers, lists and proximity, calendars, invitation
 * links and the newcomers met in the room. Routes call these; none touch SQL.
 */
export { createMeeting } from './create';
export { patchMeeting, cancelMeeting } from './update';
export { answerMeeting } from './rsvp';
export { visibleMeeting, isManager } from './access';
export { toMeeting } from './present';
export { listInitiativeMeetings, listMeetingsNear, nextMeetingTimes, withNextMeetings } from './list';
export { createInvite, readInvite, acceptInvite } from './invites';
export { initiativeCalendar, singleMeetingCalendar, calendarResponse } from './calendar';
export { rotateCalendarFeed, feedCalendar } from './feeds';
export { invitePerson } from './invite-person';
export { myMeetingsExport } from './export';
