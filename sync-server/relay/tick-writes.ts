/**
 * One write per socket per turn of the event loop. A relay sends many small
 * frames: ws writes each one (header + payload) with its own `writev`, and on
 * a busy relay those system calls are most of its CPU. Corking a socket on its
 * first frame of the turn and uncorking every corked socket once the turn's
 * callbacks and promise reactions have run sends the turn's frames in one
 * `writev` per socket, without changing a byte on the wire or adding a delay.
 */
import type { WebSocket } from 'ws';

interface Corkable {
	cork(): void;
	uncork(): void;
	destroyed: boolean;
}

const corked = new Set<Corkable>();
let scheduled = false;

function uncorkAll(): void {
	scheduled = false;
	for (const socket of corked) if (!socket.destroyed) socket.uncork();
	corked.clear();
}

/** ws keeps its net.Socket private; without it (a test double), writes go out one by one. */
function socketOf(ws: WebSocket): Corkable | null {
	return (ws as unknown as { _socket?: Corkable | null })._socket ?? null;
}

/** Holds `ws`'s writes until the end of this turn (idempotent within a turn). */
export function holdWritesThisTurn(ws: WebSocket): void {
	const socket = socketOf(ws);
	if (!socket || corked.has(socket)) return;
	socket.cork();
	corked.add(socket);
	if (!scheduled) {
		scheduled = true;
		// A tick scheduled now runs after the current callback and every promise reaction it queued.
		process.nextTick(uncorkAll);
	}
}

/**
 * Runs `write` (which sends frames on `ws`) and puts what it sent on the wire now,
 * in one `writev`: a broadcast written in slices measures each slice's system calls
 * in that slice. Frames held for this turn by `holdWritesThisTurn` stay held
 * (corks nest): they go out with the turn's others, still in send order.
 */
export function writeTogetherNow(ws: WebSocket, write: () => void): void {
	const socket = socketOf(ws);
	socket?.cork();
	try {
		write();
	} finally {
		if (socket && !socket.destroyed) socket.uncork();
	}
}
