/** Liveness of what the process depends on, for `GET /healthz`. */
import { store } from '$store/db';

/** Throws if the database does not answer a trivial query. */
export function checkDatabase(): void {
	store().sqlite.prepare('select 1').get();
}
