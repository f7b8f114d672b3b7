import { expect, it, vi } from 'vitest';

// A test worker runs many files in one process, each loading the helpers anew: one exit
// listener per load passed Node's limit of 10 (a MaxListenersExceededWarning per file after that).
it('the server helper hooks the process exit once, however many times it is loaded', async () => {
	await import('../helpers/server');
	const before = process.listenerCount('exit');
	for (let i = 0; i < 3; i++) {
		vi.resetModules();
		await import('../helpers/server');
	}
	expect(process.listenerCount('exit')).toBe(before);
});
