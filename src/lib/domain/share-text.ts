/** The short texts a shared link shows. Pure. */

/** At most `max` characters, cut at a word and ended with "…" when cut. */
export function clip(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The description of an initiative for previews: its summary, else its place. */
export function shareDescription(initiative: { summary: string; placeName: string; title: string }): string {
	if (initiative.summary.trim()) return clip(initiative.summary, 200);
	return initiative.placeName ? `${initiative.title} — ${initiative.placeName}` : initiative.title;
}

/** The first line of a summary for a feed card. */
export function firstLine(summary: string, max = 140): string {
	return clip(summary.split(/\r?\n/).find((line) => line.trim()) ?? '', max);
}
