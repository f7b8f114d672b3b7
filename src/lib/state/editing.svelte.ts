/**
 * Forms with unsaved input register here, so an update (which reloads the
 * page) asks before throwing their input away.
 */
class Editing {
	#dirty = $state(new Set<string>());
	active = $derived(this.#dirty.size > 0);

	/** Marks form `key` as holding (or no longer holding) unsaved input. */
	set(key: string, dirty: boolean): void {
		if (dirty === this.#dirty.has(key)) return;
		const next = new Set(this.#dirty);
		if (dirty) next.add(key);
		else next.delete(key);
		this.#dirty = next;
	}
}

export const editing = new Editing();
