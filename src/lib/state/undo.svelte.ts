/**
 * A destructive act that waits a few seconds before it is done, so the person
 * can tap "Annuler" (a task deleted by a slip of the thumb on a phone). One at
 * a time: a second act, or leaving the page, does the first at once.
 */
export const UNDO_MS = 6000;

export class DelayedAction {
	/** The id of the thing about to go (hidden meanwhile), or null. */
	pendingId = $state<string | null>(null);
	#run: (() => void) | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;

	/** Hides `id` now and runs `run` after the delay unless undone. */
	schedule(id: string, run: () => void, delayMs = UNDO_MS): void {
		this.flush();
		this.pendingId = id;
		this.#run = run;
		this.#timer = setTimeout(() => this.flush(), delayMs);
	}

	/** "Annuler": the thing stays. */
	undo(): void {
		clearTimeout(this.#timer);
		this.#run = null;
		this.pendingId = null;
	}

	/** Does the waiting act now (another edit, or the panel closes). */
	flush(): void {
		clearTimeout(this.#timer);
		const run = this.#run;
		this.#run = null;
		this.pendingId = null;
		run?.();
	}
}
