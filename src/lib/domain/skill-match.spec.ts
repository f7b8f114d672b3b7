import { describe, expect, it } from 'vitest';
import { matchesSkill, skillWords } from './skill-match';

describe('skillWords', () => {
	it.each([
		['réparation vélo', ['reparation', 'velo']],
		["  Couture  d'ameublement ", ['couture', 'd', 'ameublement']],
		['aide-aux-devoirs', ['aide', 'aux', 'devoirs']],
		['ÉLECTRICITÉ 230V', ['electricite', '230v']],
		["' OR 1=1 --", ['or', '1', '1']],
		['', []]
	] as const)('%s', (text, words) => {
		expect(skillWords(text)).toEqual(words);
	});
});

describe('matchesSkill', () => {
	const skills = ['réparation vélo', 'Jardinage', 'aide aux devoirs'];
	it.each([
		['vélo', true],
		['velo', true],
		['VÉLO', true],
		['réparation vélo', true],
		['Reparation Velo', true],
		['vélo réparation', true],
		['jardinage', true],
		['jardin', false],
		['devoirs', true],
		['vélo devoirs', false],
		['cuisine', false],
		['  ', false],
		["' OR 1=1 --", false]
	] as const)('%s → %s', (query, expected) => {
		expect(matchesSkill(query, skills)).toBe(expected);
	});

	it('matches nothing when the person has no skills', () => {
		expect(matchesSkill('vélo', [])).toBe(false);
	});
});
