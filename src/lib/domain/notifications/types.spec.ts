import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, PUSH_TYPES, activityPath, excerptOf } from './types';

describe('excerptOf', () => {
	it('keeps short texts, flattened', () => expect(excerptOf('  Bonjour\n\ntout le monde ')).toBe('Bonjour tout le monde'));
	it('cuts long texts to at most 140 characters with an ellipsis', () => {
		const out = excerptOf('mot '.repeat(100));
		expect([...out].length).toBeLessThanOrEqual(140);
		expect(out.endsWith('…')).toBe(true);
	});
	it('counts characters, not UTF-16 units', () => expect([...excerptOf('🌱'.repeat(200))].length).toBe(140));
});

describe('activityPath', () => {
	const initiative = { id: 'abcdefgh', title: 'Jardin' };
	it.each([
		['message_posted', null, '/initiatives/abcdefgh?tab=discussion'],
		['idea_posted', null, '/initiatives/abcdefgh?tab=ideas'],
		['member_joined', null, '/initiatives/abcdefgh'],
		['meeting_scheduled', { id: 'meet1234', title: 'AG', startsAt: '' }, '/initiatives/abcdefgh']
	] as const)('%s → %s', (type, meeting, path) => expect(activityPath({ type, initiative, meeting })).toBe(path));
});

describe('activity types', () => {
	it('are listed once, each type once', () => expect(new Set(ACTIVITY_TYPES).size).toBe(ACTIVITY_TYPES.length));
	it('push every type but messages and ideas', () =>
		expect(PUSH_TYPES).toEqual(ACTIVITY_TYPES.filter((type) => type !== 'message_posted' && type !== 'idea_posted')));
});
