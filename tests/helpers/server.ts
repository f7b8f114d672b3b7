/**
 * Starts the real production process (build/server.js) on port 0 with a
 * temporary DATA_DIR, as a child process: tests talk to it over real sockets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestServer {
	url: string;
	wsUrl: string;
	port: number;
	dataDir: string;
	process: ChildProcess;
	/** Everything the process printed so far. */
	output(): string;
	/** SIGTERM and wait for exit; resolves with the exit code. */
	stop(): Promise<number | null>;
	/** SIGKILL and wait for exit. */
	kill(): Promise<void>;
	/** Stops (if running) and deletes the data directory. */
	dispose(): Promise<void>;
}

const ROOT = new URL('../..', import.meta.url).pathname;

export function tempDataDir(): string {
	return mkdtempSync(join(tmpdir(), 'kohero-test-'));
}

export interface StartOptions {
	/** Pass the data directory of a stopped server to restart on the same data. */
	dataDir?: string;
	env?: Record<string, string>;
	port?: number;
	/** Flags for node itself, e.g. `--expose-gc`. */
	nodeArgs?: string[];
	/** Another build's server.js (benchmarks compare a baseline build in the same run). */
	script?: string;
}

/**
 * Servers still running: killed if this process exits first (a failed bench or test leaves none behind).
 * One set and one exit hook per process: a test worker loads this module anew for each file it runs.
 */
const RUNNING = Symbol.for('kohero.test-servers');
const running: Set<ChildProcess> = ((globalThis as { [RUNNING]?: Set<ChildProcess> })[RUNNING] ??= killedAtExit());

function killedAtExit(): Set<ChildProcess> {
	const children = new Set<ChildProcess>();
	process.once('exit', () => {
		for (const child of children) child.kill('SIGKILL');
	});
	return children;
}

/** Starts a server; pass `dataDir` to restart on the same data. */
export async function startServer(
	options: StartOptions = {}
): Promise<TestServer> {
	const dataDir = options.dataDir ?? tempDataDir();
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script ?? join(ROOT, 'build/server.js')], {
		cwd: ROOT,
		env: {
			...process.env,
			PORT: String(options.port ?? 0),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			// Every test client signs up from 127.0.0.1: lift the per-IP sign-up cap
			// (tests/api/auth-limits.test.ts checks it at its default).
			SIGNUP_LIMIT_PER_HOUR: '100000',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	running.add(child);
	let out = '';
	child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	void exited.then(() => running.delete(child));

	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`server did not start:\n${out}`));
		}, 20_000);
		const onData = () => {
			const m = /"event":"listening","port":(\d+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				child.stdout!.off('data', onData);
				resolve(Number(m[1]));
			}
		};
		child.stdout!.on('data', onData);
		void exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${out}`));
		});
	});

	const server: TestServer = {
		url: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}`,
		port,
		dataDir,
		process: child,
		output: () => out,
		async stop() {
			if (running.has(child)) child.kill('SIGTERM');
			return exited;
		},
		async kill() {
			if (running.has(child)) child.kill('SIGKILL');
			await exited;
		},
		async dispose() {
			await server.stop();
			if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
		}
	};
	return server;
}
