import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'sync-server/**/*.spec.ts'],
					environment: 'node',
					// The brute-force proximity comparisons run for seconds on a busy 2-core machine.
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/api/**/*.test.ts', 'tests/relay/**/*.test.ts'],
					// Scans every response of the run for homes, password hashes and tokens.
					setupFiles: ['tests/api/scan-responses.setup.ts'],
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					// Crash, fuzz and restart tests: each spawns and kills its own servers.
					name: 'reliability',
					include: ['tests/reliability/**/*.test.ts'],
					environment: 'node',
					testTimeout: 90_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					// expect.poll waits for what a page does (a reconnect, a sync, a render): 1 s, vitest's
					// default, is a timed assertion on a busy 2-core machine. A ceiling, not a wait: it
					// returns as soon as the page gets there.
					expect: { poll: { timeout: 15_000 } },
					testTimeout: 90_000,
					hookTimeout: 90_000,
					fileParallelism: false
				}
			}
		]
	}
});
