// `npm test`: type and Svelte checks (no warnings), a production build, then
// every vitest project (unit, API/relay integration on real servers, e2e in Chromium).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
const report = join(mkdtempSync(join(tmpdir(), 'kohero-vitest-')), 'report.json');
const result = spawnSync(
	'npx',
	['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
	{ stdio: 'inherit' }
);
// CI reads a plain closing line: "N passed, N failed".
if (existsSync(report)) {
	const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
	console.log(`\ntests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
}
process.exit(result.status ?? 1);
