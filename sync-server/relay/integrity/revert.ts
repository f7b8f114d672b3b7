/**
 * Applies the fixes inspect.ts names, inside the transaction being checked:
 * removed items never leave the relay as alive, restored values come back as
 * fresh items built from the content the transaction has not collected yet.
 */
import * as Y from 'yjs';
import type { Fix } from './inspect';
import { plainValue, type TxView } from './tx-view';

/** Undoes each refused change; fixes aimed at the same place run once. */
export function revert(view: TxView, fixes: Fix[]): void {
	const restoredKeys = new Map<Y.Map<unknown>, Set<string>>();
	for (const fix of fixes) {
		if (fix.kind === 'remove') {
			if (!fix.item.deleted) fix.item.delete(view.tr);
		} else if (fix.kind === 'restoreKey') {
			const done = restoredKeys.get(fix.map) ?? new Set<string>();
			restoredKeys.set(fix.map, done);
			if (done.has(fix.key)) continue;
			done.add(fix.key);
			restoreKey(view, fix.map, fix.key);
		} else {
			restoreEntry(view, fix.item);
		}
	}
}

function restoreKey(view: TxView, map: Y.Map<unknown>, key: string): void {
	if (map._item?.deleted) return;
	const before = view.itemBefore(map, key);
	if (before) map.set(key, copyBefore(view, before));
	else if (map.has(key)) map.delete(key);
}

/** Puts a copy of a deleted list entry back at the index it had. */
function restoreEntry(view: TxView, item: Y.Item): void {
	const parent = item.parent;
	if (!(parent instanceof Y.Array) && !(parent instanceof Y.XmlFragment)) return;
	let index = 0;
	for (let left = item.left; left !== null; left = left.left) if (!left.deleted && left.countable) index += left.length;
	(parent as Y.Array<unknown>).insert(index, [copyBefore(view, item)]);
}

/** A fresh value equal to what `item` held before the transaction. */
function copyBefore(view: TxView, item: Y.Item): unknown {
	if (!(item.content instanceof Y.ContentType)) return plainValue(item);
	const type = item.content.type;
	if (type instanceof Y.Map) {
		const copy = new Y.Map<unknown>();
		for (const key of type._map.keys()) {
			const before = view.itemBefore(type, key);
			if (before) copy.set(key, copyBefore(view, before));
		}
		return copy;
	}
	if (type instanceof Y.Array) {
		const copy = new Y.Array<unknown>();
		for (let child = type._start; child !== null; child = child.right) {
			if (!child.countable || !view.existedBefore(child)) continue;
			if (child.content instanceof Y.ContentType) copy.push([copyBefore(view, child)]);
			else copy.push(child.content.getContent());
		}
		return copy;
	}
	if (type instanceof Y.Text) {
		let text = '';
		for (let child = type._start; child !== null; child = child.right) {
			if (child.content instanceof Y.ContentString && view.existedBefore(child)) text += child.content.str;
		}
		return new Y.Text(text);
	}
	// Rich types (XML) have no place in owned entries: keep what is there now.
	return (type as Y.AbstractType<unknown> & { clone(): unknown }).clone();
}
