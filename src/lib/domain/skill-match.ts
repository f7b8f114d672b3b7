/**
 * Skill search: a query matches a skill when each of its words is a word of
 * that skill, ignoring case and accents ("vélo" finds "réparation vélo",
 * "Reparation Velo" too; "jardin" does not find "jardinage"). Pure.
 */

/** The words of a text, lower-cased, without accents. */
export function skillWords(text: string): string[] {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word.length > 0);
}

/** Whether one of `skills` holds every word of `query` (a query without words matches nothing). */
export function matchesSkill(query: string, skills: readonly string[]): boolean {
	const wanted = skillWords(query);
	if (wanted.length === 0) return false;
	return skills.some((skill) => {
		const words = new Set(skillWords(skill));
		return wanted.every((word) => words.has(word));
	});
}
