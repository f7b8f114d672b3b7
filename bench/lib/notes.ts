/** The brainstorm notes as the benches write them: API.md's `notes`, a Y.XmlFragment of paragraphs. */
import * as Y from 'yjs';
import { notesOf } from '../../src/lib/domain/workspace';

/** Appends a paragraph holding `text` to the notes of `doc`, as the editor does; returns its text, to edit further. */
export function appendParagraph(doc: Y.Doc, text = ''): Y.XmlText {
	const content = new Y.XmlText(text);
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [content]);
	notesOf(doc).push([paragraph]);
	return content;
}
