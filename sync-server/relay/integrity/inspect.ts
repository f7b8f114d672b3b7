/**
 * Reads what one transaction did to a document (the items it added, the items
 * it deleted), decides each change with rules.ts against the document's schema,
 * and names the fix for each refused one.
 */
import * as Y from 'yjs';
import { allowed, type Place, type Writer } from './rules';
import type { DocSchema, RootRule } from './schema';
import { mapOf, type TxView } from './tx-view';

/** How to undo a refused change, in the same transaction. */
export type Fix =
	/** An added item: delete it. */
	| { kind: 'remove'; item: Y.Item }
	/** A keyed value changed: set `key` of `map` back to what it was. */
	| { kind: 'restoreKey'; map: Y.Map<unknown>; key: string }
	/** An entry deleted: put a copy of it back where it was. */
	| { kind: 'restoreEntry'; item: Y.Item };

/** Where a type sits: its root, its depth below it, and its first three ancestors' items. */
interface TypeLoc {
	root: string | null;
	depth: number;
	path: Y.Item[];
}

/**
 * Where each type sits. A type never moves, so this holds for the life of its
 * document (a root given its Yjs type later is a new object, looked up afresh).
 */
const locs = new WeakMap<Y.AbstractType<unknown>, TypeLoc>();

/** The fixes that undo every change of `view` that `writer` may not make under `schema`. */
export function inspect(view: TxView, schema: DocSchema, writer: Writer): Fix[] {
	const fixes: Fix[] = [];
	for (let i = 0; i < view.added.length + view.deleted.length; i++) {
		const added = i < view.added.length;
		const item = added ? view.added[i] : view.deleted[i - view.added.length];
		if (added && item.deleted) continue;
		const loc = locate(item.parent as Y.AbstractType<unknown>);
		const rule = loc.root === null ? undefined : schema[loc.root];
		// The common case, typing in the notes or ticking a task: nothing to judge.
		if (rule && !rule.owned && loc.depth > 0) continue;
		const chain = loc.path.length < 3 ? [...loc.path, item] : loc.path;
		const found = placeOf(view, item, added, loc, chain, rule);
		if (found && !allowed(found.place, writer)) fixes.push(found.fix);
	}
	return fixes;
}

/** What the rules need to know about one change, and how it would be undone; null: nothing to judge. */
function placeOf(
	view: TxView,
	item: Y.Item,
	added: boolean,
	loc: TypeLoc,
	chain: Y.Item[],
	rule: RootRule | undefined
): { place: Place; fix: Fix } | null {
	const remove: Fix = { kind: 'remove', item };
	if (!rule) return added ? { place: { at: 'unknownRoot', added }, fix: remove } : null;
	if (loc.depth === 0) {
		const shapeOk = (rule.kind === 'map') === (item.parentSub !== null);
		if (!rule.owned || !shapeOk) return { place: { at: 'rootChild', added, shapeOk }, fix: remove };
		const entry = mapOf(item);
		const owner = !entry ? undefined : added ? entry.get(rule.owned.ownerKey) : view.valueBefore(entry, rule.owned.ownerKey);
		return { place: { at: 'entry', added, owner }, fix: added ? remove : { kind: 'restoreEntry', item } };
	}
	if (!rule.owned) return null;
	const [entryItem, keyItem, voteItem] = chain;
	const entry = mapOf(entryItem);
	// Inside an entry deleted now, the entry's own verdict decides.
	if (!entry || entryItem.deleted) return null;
	const key = keyItem.parentSub;
	if (key === null) return added ? { place: { at: 'rootChild', added, shapeOk: false }, fix: remove } : null;
	const { ownerKey, votesKey } = rule.owned;
	if (key === votesKey) {
		if (loc.depth === 1) {
			return {
				place: { at: 'votesMap', added, hadVotes: view.itemBefore(entry, key) !== null },
				fix: { kind: 'restoreKey', map: entry, key }
			};
		}
		const votes = mapOf(keyItem);
		if (!votes || keyItem.deleted) return null;
		const voter = voteItem.parentSub;
		return voter === null
			? { place: { at: 'vote', voter }, fix: remove }
			: { place: { at: 'vote', voter }, fix: { kind: 'restoreKey', map: votes, key: voter } };
	}
	// What goes into a new entry is judged with the entry.
	if (view.isNew(entryItem)) return null;
	const owner = view.valueBefore(entry, ownerKey);
	const ownerChanged = key === ownerKey && entry.get(ownerKey) !== owner;
	return { place: { at: 'entryKey', owner, ownerChanged }, fix: { kind: 'restoreKey', map: entry, key } };
}

/** Where `type` sits, memoized so that deep trees cost one walk. */
function locate(type: Y.AbstractType<unknown>): TypeLoc {
	const pending: Y.AbstractType<unknown>[] = [];
	let current: Y.AbstractType<unknown> = type;
	let known = locs.get(current);
	// Walk up without recursion: a hostile update may nest types very deeply.
	while (!known) {
		const item = current._item;
		if (item === null) {
			known = { root: rootName(current), depth: 0, path: [] };
			locs.set(current, known);
			break;
		}
		pending.push(current);
		current = item.parent as Y.AbstractType<unknown>;
		known = locs.get(current);
	}
	for (let i = pending.length - 1; i >= 0; i--) {
		const child = pending[i];
		const item = child._item as Y.Item;
		known = {
			root: known.root,
			depth: known.depth + 1,
			path: known.path.length < 3 ? [...known.path, item] : known.path
		};
		locs.set(child, known);
	}
	return known;
}

/** The name a root type is shared under, or null when it is not (any more) one of the document's roots. */
function rootName(type: Y.AbstractType<unknown>): string | null {
	try {
		return Y.findRootTypeKey(type);
	} catch {
		return null;
	}
}
