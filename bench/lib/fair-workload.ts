/**
 * The fair relay workload: per document, W writers on raw sockets sending
 * pre-encoded task updates (they never decode what they receive) and ONE
 * observer holding a full Y.Doc, which is where propagation is timed.
 * Three phases on the same sockets: saturation (each writer keeps a window of
 * updates in flight: throughput), then paced (a fixed total rate: latency) right
 * after the burst, then paced again once the relay is idle (`settle`): the
 * steady latency, without the burst's after-work (compactions, checkpoints).
 * The relay's CPU is read from /proc for its whole process tree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { treeCpuSeconds } from './proc-cpu';
import { writerClientId } from './task-updates';
import { percentile } from './spread';
import { collectBeforePhase, harnessPauses } from './harness-gc';

export interface FairOptions {
	wsUrl: string;
	pid: number;
	docIds: string[];
	/** frames[k]: writer k's pre-encoded frames (same for every document). */
	frames: Uint8Array[][];
	/** A writer's clock once its first n + 1 frames are applied (task-updates.ts). */
	clockAfter: number[];
	/** Cookie per writer slot and for the observer (our relay); none for the reference. */
	cookies?: string[];
	observerCookie?: string;
	saturationSeconds: number;
	/** Updates a writer may have in flight (sent, not yet seen by the observer). */
	window: number;
	pacedSeconds: number;
	/** Total paced rate over all writers, updates/s. */
	pacedRate: number;
	/** The other relays of the run, idle meanwhile: their CPU during each phase is reported (what they still do is noise here). */
	otherPids?: number[];
	/** Resolves once the relay has finished what the burst left it (before the steady paced phase). */
	settle: () => Promise<unknown>;
	/** Called with each document's encoded state while its sockets are still open. */
	beforeClose?: (stateBytes: Map<string, number>) => void;
}

export interface PhaseResult {
	updates: number;
	seconds: number;
	updatesPerSecond: number;
	/** Server process-tree CPU, ms per 1000 updates. */
	cpuMsPer1000: number;
	/** Harness CPU (this process), ms per 1000 updates. */
	harnessCpuMsPer1000: number;
	/** CPU the other relays of the run used during the phase, ms (their compactions, collections: noise for this one). */
	othersCpuMs: number;
	/** The harness's full collection just before the phase (ms), and its collections during it (harness-gc.ts). */
	harnessGc: { beforeMs: number; count: number; ms: number };
	p50: number;
	p90: number;
	p99: number;
	/** Every update's latency in the phase, sorted (ms): pooled over rounds by the caller, not written out. */
	latencies: number[];
	/** The updates of SLOW_MS or more: when each was sent (µs, monotonic clock) and its latency (ms). Not written out. */
	slow: { sentUs: number; ms: number }[];
	/** Frames the relay sent to all sockets of the phase, per update. */
	framesPerUpdate: number;
	/** When the phase ran, in µs on the monotonic clock (as bench/tools' gap and GC logs): to line them up. */
	fromUs: number;
	toUs: number;
}

export interface FairResult {
	saturation: PhaseResult;
	/** Paced, right after the saturation burst. */
	paced: PhaseResult;
	/** Paced, once the relay went idle after the burst. */
	pacedSteady: PhaseResult;
}

interface Writer {
	ws: WebSocket;
	frames: Uint8Array[];
	next: number;
	seen: number;
	sentAt: Float64Array;
}

interface Room {
	docId: string;
	writers: Writer[];
	observer: WebSocket;
	doc: Y.Doc;
}

const DUMP_DIR = process.env.BENCH_LATENCY_DUMP;
/** A paced update this slow is counted against the machine's stalls (relay.ts): ~5× the reference's p90. */
export const SLOW_MS = 1.5;
let dumps = 0;
/** Writes a phase's [sent at (µs, monotonic clock as bench/tools), latency ms] rows to DUMP_DIR/<pid>-<n>.json. */
function dumpLatencies(pid: number, rows: [number, number][]): void {
	mkdirSync(DUMP_DIR!, { recursive: true });
	writeFileSync(`${DUMP_DIR}/${pid}-${dumps++}.json`, JSON.stringify(rows));
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function open(url: string, cookie: string | undefined): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers: cookie ? { cookie } : {}, perMessageDeflate: false });
		ws.binaryType = 'nodebuffer';
		ws.once('open', () => resolve(ws));
		ws.once('error', reject);
		ws.once('close', (code) => reject(new Error(`closed ${code} before open`)));
	});
}

function step1(): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
	return encoding.toUint8Array(encoder);
}

/** Runs both phases once against one relay. */
export async function runFair(options: FairOptions): Promise<FairResult> {
	const { frames, docIds, clockAfter } = options;
	let framesReceived = 0;
	const latencies: number[] = [];
	/** When each measured update was sent (performance.now ms), beside its latency: BENCH_LATENCY_DUMP. */
	const sentAts: number[] = [];
	let onProgress: (writer: Writer) => void = () => undefined;
	const rooms: Room[] = await Promise.all(
		docIds.map(async (docId) => {
			const url = `${options.wsUrl}/sync/${docId}`;
			const doc = new Y.Doc();
			const observer = await open(url, options.observerCookie);
			const writers: Writer[] = await Promise.all(
				frames.map(async (own, k) => {
					const ws = await open(url, options.cookies?.[k]);
					// Writers only count what they get: decoding is the observer's job.
					ws.on('message', () => framesReceived++);
					return { ws, frames: own, next: 0, seen: 0, sentAt: new Float64Array(own.length) };
				})
			);
			observer.on('message', (data: Buffer) => {
				framesReceived++;
				const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
				if (decoding.readVarUint(decoder) !== 0) return;
				const step = decoding.readVarUint(decoder);
				if (step === 0) return;
				Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
			});
			doc.on('afterTransaction', () => {
				const now = performance.now();
				writers.forEach((writer, k) => {
					const state = Y.getState(doc.store, writerClientId(k));
					let seen = writer.seen;
					while (seen < clockAfter.length && clockAfter[seen] <= state) seen++;
					if (seen === writer.seen) return;
					for (let n = writer.seen; n < seen; n++) {
						latencies.push(now - writer.sentAt[n]);
						sentAts.push(writer.sentAt[n]);
					}
					writer.seen = seen;
					onProgress(writer);
				});
			});
			observer.send(step1());
			return { docId, writers, observer, doc };
		})
	);
	const writers = rooms.flatMap((r) => r.writers);
	const send = (w: Writer) => {
		w.sentAt[w.next] = performance.now();
		w.ws.send(w.frames[w.next++]);
	};
	const drained = () => writers.every((w) => w.seen === w.next);
	const waitDrained = async (what: string) => {
		const deadline = Date.now() + 60_000;
		while (!drained()) {
			if (Date.now() > deadline) throw new Error(`${what}: updates not seen after 60 s`);
			await new Promise((r) => setTimeout(r, 5));
		}
	};

	async function phase(run: () => Promise<void>, harnessGcBeforeMs = 0): Promise<PhaseResult> {
		latencies.length = 0;
		sentAts.length = 0;
		const sentBefore = writers.reduce((s, w) => s + w.next, 0);
		const framesBefore = framesReceived;
		const cpuBefore = treeCpuSeconds(options.pid);
		const othersCpu = () => (options.otherPids ?? []).reduce((sum, pid) => sum + treeCpuSeconds(pid), 0);
		const othersBefore = othersCpu();
		const harnessBefore = process.cpuUsage();
		const started = performance.now();
		const fromUs = monotonicUs();
		await run();
		const seconds = (performance.now() - started) / 1000;
		const cpu = treeCpuSeconds(options.pid) - cpuBefore;
		const othersCpuMs = Math.round((othersCpu() - othersBefore) * 1000);
		const harness = process.cpuUsage(harnessBefore);
		const harnessGc = { beforeMs: harnessGcBeforeMs, ...harnessPauses(started, performance.now()) };
		const updates = writers.reduce((s, w) => s + w.next, 0) - sentBefore;
		// Frames still in flight to writers are not waited for; close enough at these counts.
		const frames = framesReceived - framesBefore;
		// When each update was sent, on the monotonic clock the canary and bench/tools use.
		const offsetUs = monotonicUs() - performance.now() * 1000;
		const sentUs = (i: number) => sentAts[i] * 1000 + offsetUs;
		if (DUMP_DIR) dumpLatencies(options.pid, latencies.map((ms, i) => [Math.round(sentUs(i)), round(ms, 3)]));
		const slow = latencies.flatMap((ms, i) => (ms >= SLOW_MS ? [{ sentUs: sentUs(i), ms }] : []));
		latencies.sort((a, b) => a - b);
		return {
			updates,
			seconds: round(seconds),
			updatesPerSecond: Math.round(updates / seconds),
			cpuMsPer1000: round((cpu * 1e6) / updates),
			harnessCpuMsPer1000: round((harness.user + harness.system) / updates),
			othersCpuMs,
			harnessGc,
			p50: round(percentile(latencies, 50)),
			p90: round(percentile(latencies, 90)),
			p99: round(percentile(latencies, 99)),
			latencies: [...latencies],
			slow,
			framesPerUpdate: round(frames / updates),
			fromUs,
			toUs: monotonicUs()
		};
	}

	// Both relays answer the observer's step 1 first: the document is loaded.
	await new Promise((r) => setTimeout(r, 200));

	const saturation = await phase(async () => {
		const until = performance.now() + options.saturationSeconds * 1000;
		let stopped = false;
		onProgress = (w) => {
			while (!stopped && w.next < w.frames.length && w.next - w.seen < options.window) send(w);
		};
		for (const w of writers) onProgress(w);
		while (performance.now() < until) await new Promise((r) => setTimeout(r, 20));
		stopped = true;
		await waitDrained('saturation');
	});
	onProgress = () => undefined;

	const pacedRun = async () => {
		const perWriter = options.pacedRate / writers.length;
		const started = performance.now();
		const offsets = writers.map((_, i) => (i / writers.length) * (1000 / perWriter));
		const bases = writers.map((w) => w.next);
		while (performance.now() - started < options.pacedSeconds * 1000) {
			const elapsed = performance.now() - started;
			writers.forEach((w, i) => {
				const due = bases[i] + Math.floor(((elapsed - offsets[i]) * perWriter) / 1000) + 1;
				while (w.next < Math.min(due, w.frames.length)) send(w);
			});
			await new Promise((r) => setTimeout(r, 1));
		}
		await waitDrained('paced');
	};
	const paced = await phase(pacedRun, collectBeforePhase());
	await options.settle();
	const pacedSteady = await phase(pacedRun, collectBeforePhase());

	options.beforeClose?.(new Map(rooms.map((r) => [r.docId, Y.encodeStateAsUpdate(r.doc).byteLength])));
	for (const room of rooms) {
		room.observer.terminate();
		for (const w of room.writers) w.ws.terminate();
		room.doc.destroy();
	}
	return { saturation, paced, pacedSteady };
}
