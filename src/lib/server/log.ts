/** The server's logger is the shared leaf module `$lib/log` (the relay and the store use it too). */
export { log, maskEmails } from '$lib/log';
