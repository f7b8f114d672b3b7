import { describe, expect, it } from 'vitest';
import { shortTextProblem } from './short-text';

describe('shortTextProblem', () => {
	it.each([
		['Camille', null],
		['Jardin des Pentes – Croix-Rousse', null],
		['Zoë 🌱', null],
		['', null],
		['Ali\u0000ce', 'control'],
		['Ali\nce', 'control'],
		['\u0085x', 'control'],
		['alice\u202Eecila', 'bidi'],
		['\u2066x\u2069', 'bidi'],
		['\u200B', 'invisible'],
		['\u200B\u200C\u200D\uFEFF', 'invisible'],
		['   ', 'invisible'],
		['\u3164\u3164', 'invisible'],
		['a\u200Bb', null]
	])('%j → %s', (text, problem) => {
		expect(shortTextProblem(text)).toBe(problem);
	});
});
