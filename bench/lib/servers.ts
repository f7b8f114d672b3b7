/** Starts the two relays under test as child processes and reads their memory. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startServer, type TestServer } from '../../tests/helpers/server';
import { Client } from '../../tests/helpers/client';
import { createInitiative, type Member } from '../../tests/relay/helpers';

export interface BenchServer {
	wsUrl: string;
	pid: number;
	stop(): Promise<void>;
}

/** The reference @y/websocket-server relay, in its own process. */
export async function startReference(): Promise<BenchServer> {
	const child = spawn(process.execPath, [new URL('../reference-server.mjs', import.meta.url).pathname], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const port = await new Promise<number>((resolve, reject) => {
		let out = '';
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
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

export interface OurServer extends BenchServer {
	server: TestServer;
	members: Member[];
	/** Creates `count` initiatives whose members are all of `members`. */
	createDocs(count: number): string[];
}

/** Kohero's real build/server.js with `memberCount` signed-up members. */
export async function startOurs(memberCount: number): Promise<OurServer> {
	const server = await startServer();
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
		stop: async () => {
			const code = await server.stop();
			if (code !== 0) console.warn(`our server exited with ${code}`);
			await server.dispose();
		}
	};
}

/** Resident set size of a process, in MiB. */
export function rssMiB(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return Math.round(kb / 102.4) / 10;
}

/** CPU time (user + system) a process has used so far, in seconds. */
export function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	// utime and stime are fields 14 and 15 of /proc/pid/stat, in clock ticks (100 Hz on Linux).
	return (Number(fields[11]) + Number(fields[12])) / 100;
}
