// Line helpers for the border builders: segments joined into polylines,
// corners smoothed, points thinned. Points are [x, y] arrays of numbers.

/** Joins segments sharing ends into polylines; they break at ends and junctions (three borders meeting). */
export function chain(segs) {
	const key = ([x, y]) => `${x},${y}`;
	const at = new Map();
	segs.forEach((s, i) => s.forEach((p) => (at.get(key(p)) ?? at.set(key(p), []).get(key(p))).push(i)));
	const used = new Array(segs.length).fill(false);
	const lines = [];
	const walk = (start, from) => {
		const line = [from];
		let current = from;
		let i = start;
		while (i !== undefined && !used[i]) {
			used[i] = true;
			const [a, b] = segs[i];
			current = key(a) === key(current) ? b : a;
			line.push(current);
			const next = at.get(key(current)) ?? [];
			i = next.length === 2 ? next.find((j) => !used[j]) : undefined;
		}
		return line;
	};
	// Ends and junctions first, then the closed loops left.
	for (const [k, list] of at) {
		if (list.length === 2) continue;
		const [x, y] = k.split(',').map(Number);
		for (const i of list) if (!used[i]) lines.push(walk(i, [x, y]));
	}
	segs.forEach((s, i) => !used[i] && lines.push(walk(i, s[0])));
	return lines;
}

/** Chaikin corner cutting: a staircase becomes a curve; ends stay put. */
export function smooth(line, rounds = 3) {
	let pts = line;
	for (let r = 0; r < rounds && pts.length > 2; r++) {
		const out = [pts[0]];
		for (let i = 0; i < pts.length - 1; i++) {
			const [a, b] = [pts[i], pts[i + 1]];
			out.push([0.75 * a[0] + 0.25 * b[0], 0.75 * a[1] + 0.25 * b[1]], [0.25 * a[0] + 0.75 * b[0], 0.25 * a[1] + 0.75 * b[1]]);
		}
		out.push(pts[pts.length - 1]);
		pts = out;
	}
	return pts;
}

/**
 * Douglas–Peucker: keeps the points farther than `tolerance` from the line
 * between those kept. `xScale` shrinks x before measuring (cos of the latitude
 * for longitudes), so the tolerance means the same on both axes.
 */
export function simplify(pts, tolerance, xScale = 1) {
	if (pts.length < 3) return pts;
	const keep = new Uint8Array(pts.length);
	keep[0] = keep[pts.length - 1] = 1;
	const stack = [[0, pts.length - 1]];
	while (stack.length) {
		const [s, e] = stack.pop();
		const [ax, ay] = [pts[s][0] * xScale, pts[s][1]];
		const [bx, by] = [pts[e][0] * xScale, pts[e][1]];
		const len = Math.hypot(bx - ax, by - ay) || 1e-12;
		let worst = -1;
		let index = -1;
		for (let i = s + 1; i < e; i++) {
			const [px, py] = [pts[i][0] * xScale, pts[i][1]];
			// A closed loop has both ends on one point: measure to that point then.
			const d = len > 1e-12 ? Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len : Math.hypot(px - ax, py - ay);
			if (d > worst) [worst, index] = [d, i];
		}
		if (worst > tolerance) {
			keep[index] = 1;
			stack.push([s, index], [index, e]);
		}
	}
	return pts.filter((_, i) => keep[i]);
}
