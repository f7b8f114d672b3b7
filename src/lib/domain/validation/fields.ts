import * as v from 'valibot';

/** One message per field path (`home.lat`), the first issue winning; `_` for the whole input. */
export function issuesToFieldMessages(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of issues) {
		const path = v.getDotPath(issue) ?? '_';
		fields[path] ??= issue.message;
	}
	return fields;
}
