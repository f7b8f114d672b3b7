/**
 * The Tiptap editor bound to the document's `notes` XmlFragment. Imported
 * only by NotesPanel, which is itself loaded when the Notes tab opens, so the
 * editor's code never weighs on the rest of the page.
 */
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { AwarenessUser } from '$lib/local/docs';

export interface NotesEditorOptions {
	element: HTMLElement;
	fragment: Y.XmlFragment;
	awareness: Awareness;
	user: AwarenessUser;
	editable: boolean;
	label: string;
	onChange(): void;
}

export function createNotesEditor(o: NotesEditorOptions): Editor {
	const editor = new Editor({
		element: o.element,
		editable: o.editable,
		extensions: [
			// Collaboration brings its own undo history, bound to Yjs.
			StarterKit.configure({
				undoRedo: false,
				heading: { levels: [2, 3] },
				link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['http', 'https', 'mailto'] }
			}),
			TaskList,
			TaskItem.configure({ nested: true }),
			Collaboration.configure({ fragment: o.fragment }),
			CollaborationCaret.configure({ provider: { awareness: o.awareness }, user: o.user })
		],
		editorProps: {
			attributes: {
				class: 'notes-editor',
				role: 'textbox',
				'aria-multiline': 'true',
				'aria-label': o.label,
				'aria-readonly': String(!o.editable)
			}
		}
	});
	editor.on('transaction', o.onChange);
	return editor;
}

/** Accepts http(s) and mailto links only; '' removes the link. */
export function safeHref(raw: string): string | null {
	const value = raw.trim();
	if (!value) return '';
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
	try {
		const url = new URL(withScheme);
		return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
	} catch {
		return null;
	}
}
