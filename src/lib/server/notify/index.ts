/** Activity and notifications: activity rows, preferences, mail (instant and digests), Web Push, password reset. */
export { startNotifications } from './start';
export { listActivity, markRead, unreadCount } from './list';
export { getPrefs, updatePrefs, rememberLocale, unsubscribeByToken, unsubscribeTokenExists } from './prefs';
export { addPushSubscription, removePushSubscription } from './push';
export { vapidKeys } from './push-keys';
export { requestPasswordReset, confirmPasswordReset } from './password-reset';
export { sendDigests } from './digest';
export { recordDocPosts, type DocPost } from './doc-posts';
export { deliveriesSettled } from './deliver';
export { validateNotify, readNotifyJson } from './input';
