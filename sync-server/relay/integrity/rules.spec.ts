import { describe, expect, it } from 'vitest';
import { allowed, type Place, type Writer } from './rules';

const member: Writer = { userId: 'bob', privileged: false };
const admin: Writer = { userId: 'ana', privileged: true };

describe('integrity rules', () => {
	it.each<{ name: string; place: Place; writer: Writer; ok: boolean }>([
		{ name: 'content in an unknown root', place: { at: 'unknownRoot', added: true }, writer: admin, ok: false },
		{ name: 'deleting stray content', place: { at: 'unknownRoot', added: false }, writer: member, ok: true },
		{ name: 'keyed child in a list root', place: { at: 'rootChild', added: true, shapeOk: false }, writer: member, ok: false },
		{ name: 'list child in a list root', place: { at: 'rootChild', added: true, shapeOk: true }, writer: member, ok: true },
		{ name: 'new message under my name', place: { at: 'entry', added: true, owner: 'bob' }, writer: member, ok: true },
		{ name: 'new message under another name', place: { at: 'entry', added: true, owner: 'alice' }, writer: member, ok: false },
		{ name: 'new message with no author', place: { at: 'entry', added: true, owner: undefined }, writer: member, ok: false },
		{ name: 'admin posting as another', place: { at: 'entry', added: true, owner: 'alice' }, writer: admin, ok: false },
		{ name: 'deleting my message', place: { at: 'entry', added: false, owner: 'bob' }, writer: member, ok: true },
		{ name: "deleting another's message", place: { at: 'entry', added: false, owner: 'alice' }, writer: member, ok: false },
		{ name: "admin deleting another's message", place: { at: 'entry', added: false, owner: 'alice' }, writer: admin, ok: true },
		{ name: 'editing my text', place: { at: 'entryKey', owner: 'bob', ownerChanged: false }, writer: member, ok: true },
		{ name: "editing another's text", place: { at: 'entryKey', owner: 'alice', ownerChanged: false }, writer: member, ok: false },
		{ name: "admin editing another's text", place: { at: 'entryKey', owner: 'alice', ownerChanged: false }, writer: admin, ok: true },
		{ name: 'giving my message away', place: { at: 'entryKey', owner: 'bob', ownerChanged: true }, writer: member, ok: false },
		{ name: 'admin renaming the author', place: { at: 'entryKey', owner: 'alice', ownerChanged: true }, writer: admin, ok: false },
		{ name: 'first vote creates the map', place: { at: 'votesMap', added: true, hadVotes: false }, writer: member, ok: true },
		{ name: 'replacing the votes map', place: { at: 'votesMap', added: true, hadVotes: true }, writer: admin, ok: false },
		{ name: 'removing the votes map', place: { at: 'votesMap', added: false, hadVotes: true }, writer: member, ok: false },
		{ name: 'my own vote', place: { at: 'vote', voter: 'bob' }, writer: member, ok: true },
		{ name: "another's vote", place: { at: 'vote', voter: 'alice' }, writer: member, ok: false },
		{ name: "admin setting another's vote", place: { at: 'vote', voter: 'alice' }, writer: admin, ok: false },
		{ name: 'notes and tasks', place: { at: 'free' }, writer: member, ok: true }
	])('$name → $ok', ({ place, writer, ok }) => {
		expect(allowed(place, writer)).toBe(ok);
	});
});
