// Lint gate: a floating promise in sync or outbox code is a lost write, so
// promises must be awaited, returned, or explicitly voided with their errors handled.
import tseslint from 'typescript-eslint';
import svelteParser from 'svelte-eslint-parser';
import svelte from 'eslint-plugin-svelte';
import { boundaries } from './eslint.boundaries.js';

const promiseRules = {
	'@typescript-eslint/no-floating-promises': 'error',
	'@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }]
};

export default tseslint.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'static/', 'drizzle/', 'bench/results/', 'bench/.before/', 'bench/.scratch/', '**/*.js', '**/*.mjs'] },
	{
		files: ['**/*.ts'],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: {
				// SvelteKit's generated tsconfig leaves the service worker out (it has its own lib).
				projectService: { allowDefaultProject: ['src/service-worker/index.ts', 'src/service-worker/*.spec.ts'] },
				tsconfigRootDir: import.meta.dirname
			}
		},
		plugins: { '@typescript-eslint': tseslint.plugin },
		rules: promiseRules
	},
	{
		files: ['**/*.svelte'],
		plugins: { svelte, '@typescript-eslint': tseslint.plugin },
		languageOptions: {
			parser: svelteParser,
			parserOptions: {
				parser: tseslint.parser,
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte']
			}
		},
		rules: promiseRules
	},
	...boundaries
);
