/**
 * Opens a document session (a workspace or a meeting) once this device's local
 * data belongs to the signed-in person: a previous person's copies are wiped
 * first (deviceReadyFor). Returns the teardown for a Svelte `$effect`.
 */
export function openWhenDeviceReady<T extends { destroy(): void }>(
	userId: string,
	create: () => T,
	show: (session: T | null) => void
): () => void {
	let session: T | null = null;
	let cancelled = false;
	import('$lib/local/device/start')
		.then(({ deviceReadyFor }) => deviceReadyFor(userId))
		.then(() => {
			if (cancelled) return;
			session = create();
			show(session);
		})
		.catch((err: unknown) => console.error('kohero: preparing local data', err));
	return () => {
		cancelled = true;
		session?.destroy();
		if (session) show(null);
	};
}
