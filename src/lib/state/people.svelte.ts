/** Engaged neighbours around a point, filtered by skill (rounded distances only, per API.md). */
import { api, ApiClientError } from '$lib/api/client';
import type { PublicUser } from '$lib/types';

export interface Neighbour {
	/** `bio` is sent when the person wrote one. */
	user: PublicUser & { skills: string[]; bio?: string };
	distanceKm: number;
}

const SKILL_DEBOUNCE_MS = 350;

export class People {
	radiusKm = $state(10);
	skill = $state('');
	items = $state<Neighbour[]>([]);
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	error = $state<'network' | 'server' | null>(null);
	#generation = 0;
	#debounce: ReturnType<typeof setTimeout> | undefined;

	constructor(readonly home: { lat: number; lng: number } | null) {}

	setRadius(km: number): void {
		this.radiusKm = km;
		void this.load();
	}

	/** A chip sets the skill at once; typing waits for a pause. */
	setSkill(skill: string, debounce = false): void {
		this.skill = skill;
		clearTimeout(this.#debounce);
		if (debounce) this.#debounce = setTimeout(() => void this.load(), SKILL_DEBOUNCE_MS);
		else void this.load();
	}

	async load(): Promise<void> {
		clearTimeout(this.#debounce);
		if (!this.home) return;
		const generation = ++this.#generation;
		const params = new URLSearchParams({
			lat: String(this.home.lat),
			lng: String(this.home.lng),
			radiusKm: String(this.radiusKm)
		});
		const skill = this.skill.trim().toLowerCase();
		if (skill) params.set('skill', skill);
		this.status = 'loading';
		try {
			const { items } = await api<{ items: Neighbour[] }>(`/api/people/near?${params}`);
			if (generation !== this.#generation) return;
			this.items = items;
			this.status = 'ready';
		} catch (err) {
			if (generation !== this.#generation) return;
			this.error = err instanceof ApiClientError && err.isNetwork ? 'network' : 'server';
			this.status = 'error';
		}
	}

	dispose(): void {
		clearTimeout(this.#debounce);
		this.#generation++;
	}
}
