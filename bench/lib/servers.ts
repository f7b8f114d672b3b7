/** Starts the two relays under test as child processes and reads their memory. */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startServer, type TestServer } from '../../tests/helpers/server';
import { Client } from '../../tests/helpers/client';
import { createInitiative, type Member } from '../../tests/relay/helpers';

/** BENCH_SERVER_OUTPUT=dir: each relay's stdout and stderr, written there when it stops (e.g. V8's --trace-gc-nvp lines). */
const OUTPUT_DIR = process.env.BENCH_SERVER_OUTPUT;

function keepOutput(pid: number, output: string): void {
	if (!OUTPUT_DIR) return;
	mkdirSync(OUTPUT_DIR, { recursive: true });
	writeFileSync(`${OUTPUT_DIR}/${pid}.log`, output);
}

export interface BenchServer {
	wsUrl: string;
	pid: number;
	stop(): Promise<void>;
}

/** The reference @y/websocket-server relay, in its own process (`nodeArgs`: e.g. the same --cpu-prof as ours). */
export async function startReference(nodeArgs: string[] = []): Promise<BenchServer> {
	const child = spawn(process.execPath, [...nodeArgs, new URL('../reference-server.mjs', import.meta.url).pathname], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	const port = await new Promise<number>((resolve, reject) => {
		child.stdout.on('data', (d: Buffer) => {
			out += d.toString();
			const m = /"port":(\d+)/.exec(out);
			if (m) resolve(Number(m[1]));
		});
		child.once('exit', (code) => reject(new Error(`reference exited ${code}`)));
	});
	return {
		wsUrl: `ws://127.0.0.1:${port}`,
		pid: child.pid!,
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => {
					keepOutput(child.pid!, out);
					resolve();
				});
				child.kill('SIGTERM');
			})
	};
}

export interface OurServer extends BenchServer {
	server: TestServer;
	members: Member[];
	/** Creates `count` initiatives whose members are all of `members`. */
	createDocs(count: number): string[];
	/**
	 * Throws if the relay refused any of the workload's updates (its integrity check, a quota…):
	 * a benchmark of refusals is not the benchmark of a board.
	 */
	assertNothingRefused(): Promise<void>;
}

/**
 * Kohero's real build/server.js (or `script`, a baseline build's) with `memberCount` signed-up
 * members; `env` is added to the server's environment.
 */
export async function startOurs(memberCount: number, nodeArgs: string[] = [], script?: string, env?: Record<string, string>): Promise<OurServer> {
	const server = await startServer({ nodeArgs, script, env });
	const members: Member[] = [];
	for (let i = 0; i < memberCount; i++) {
		const client = new Client(server.url);
		const user = await client.signup({ displayName: `Bench ${i}` });
		members.push({ id: user.id, cookie: client.cookie });
	}
	return {
		wsUrl: server.wsUrl,
		pid: server.process.pid!,
		server,
		members,
		createDocs: (count) =>
			Array.from({ length: count }, () => createInitiative(server, members[0], members.slice(1))),
		async assertNothingRefused() {
			const text = await (await fetch(`${server.url}/metrics`)).text();
			const refused = [...text.matchAll(/^kohero_relay_rejected_total\{reason="(\w+)"\} (\d+)/gm)].filter(([, , n]) => Number(n) > 0);
			if (refused.length > 0) throw new Error(`the relay refused updates of the workload: ${refused.map(([, reason, n]) => `${reason} ${n}`).join(', ')}`);
		},
		stop: async () => {
			const code = await server.stop();
			keepOutput(server.process.pid!, server.output());
			if (code !== 0) console.warn(`our server exited with ${code}`);
			await server.dispose();
		}
	};
}
