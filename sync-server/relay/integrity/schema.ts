/**
 * The writable shape of each document kind (API.md "Document shape" and
 * "Meetings"): which root names exist, whether a root holds a list or keyed
 * entries, and which roots hold entries that belong to a person.
 */
import type { DocKind } from '../hooks';

/** Entries of a root that carry a person's name: only they (or an owner/admin) may change them. */
export interface OwnedEntries {
	/** The key naming the entry's person (`authorId`, `createdBy`). */
	ownerKey: string;
	/** A nested Y.Map whose keys are user ids: each writer may set or remove only their own key. */
	votesKey?: string;
}

export interface RootRule {
	/** `list`: Y.Array / Y.XmlFragment (children without keys); `map`: Y.Map (children by key). */
	kind: 'list' | 'map';
	owned?: OwnedEntries;
}

export type DocSchema = Readonly<Record<string, RootRule>>;

const authored: OwnedEntries = { ownerKey: 'authorId' };

/** The initiative workspace: notes and tasks are everyone's, messages and ideas are their authors'. */
export const INITIATIVE_SCHEMA: DocSchema = {
	notes: { kind: 'list' },
	tasks: { kind: 'list' },
	messages: { kind: 'list', owned: authored },
	ideas: { kind: 'list', owned: { ...authored, votesKey: 'votes' } }
};

/** Meeting mode: the newcomers a person entered are theirs. */
export const MEETING_SCHEMA: DocSchema = {
	attendance: { kind: 'map' },
	votes: { kind: 'list' },
	newcomers: { kind: 'list', owned: { ownerKey: 'createdBy' } },
	minutes: { kind: 'list' }
};

/** The schema of a document kind. */
export function schemaFor(kind: DocKind): DocSchema {
	return kind === 'meeting' ? MEETING_SCHEMA : INITIATIVE_SCHEMA;
}

/** The writable root names of a document kind. */
export function rootNames(kind: DocKind): string[] {
	return Object.keys(schemaFor(kind));
}
