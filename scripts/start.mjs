// `npm start`: builds when the build is missing or older than the sources, then serves.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'sync-server', 'static', 'drizzle', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = existsSync('build/server.js') ? statSync('build/server.js').mtimeMs : 0;
if (built === 0 || Math.max(...SOURCES.map(newest)) > built) {
	console.log('Building Kohero…');
	execSync('npm run build', { stdio: 'inherit' });
}
await import(new URL('../build/server.js', import.meta.url).href);
