import type { EditResult } from '$lib/domain/workspace';
import type { MessageKey } from '$lib/i18n/catalog';

/** The message key explaining a refused edit, or null when it went through. */
export function editErrorKey(result: EditResult): MessageKey | null {
	return result.ok ? null : (`workspace.errors.${result.error}` as const);
}
