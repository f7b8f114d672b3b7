// `npm test`: type and Svelte checks (no warnings), a production build, then
// every vitest project (unit, API/relay integration on real servers, e2e in Chromium).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command) {
	console.log(`\n▶ ${command}`);
	execSync(command, { stdio: 'inherit' });
}

function ensureChromium() {
	if (existsSync(CHROMIUM)) return;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) {
		console.error(`Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
		process.exit(1);
	}
	console.log('Installing Debian Chromium for the end-to-end tests…');
	run('apt-get update -qq');
	run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
}

ensureChromium();
run('npm run check');
run('npm run build');
const args = process.argv.slice(2);
const result = spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
