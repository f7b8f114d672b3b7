/** Skills are stored as people typed them; the suggested ones show in the interface language. */
import { SKILL_SUGGESTIONS } from '$lib/domain/validation/account';
import type { MessageKey } from './catalog';

const SUGGESTED = new Set<string>(SKILL_SUGGESTIONS);

/** The label of a skill: a suggestion's translated name, else the skill as written. */
export function skillLabel(t: (key: MessageKey) => string, skill: string): string {
	return SUGGESTED.has(skill) ? t(`skillNames.${skill}` as MessageKey) : skill;
}
