// Turns zod's issues into problems in the project's voice: the field, what was found, what is expected
// in an author's words, and a fix. No wording of zod's reaches an author.
import type { z } from 'astro/zod';
import { fieldHelp } from './field-help.ts';
import { lineOfPath } from './locate.ts';
import { fieldName, nearest, show, type Problem } from './problems.ts';
import type { SourceFile } from './read.ts';

export { fieldName };

type Collection = 'actors' | 'articles';


function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let value: any = data;
	for (const key of path) value = value?.[key as any];
	return value;
}

/** zod's own default messages ("Invalid input: expected string, received undefined"), never shown as they are. */
const LIBRARY_WORDING = /^(Invalid|Too (small|big)|Unrecognized|Required)\b|\breceived\b/i;

/** A schema's own message ("Expected a BCP 47 language tag…") as the text after "expected:". */
function ownWording(message: string): { reason?: string; expected: string } {
	const split = /^(.*?)\.\s+Expected (.*)$/s.exec(message);
	if (split) return { reason: split[1], expected: split[2] };
	const expected = message.replace(/^Expected /, '');
	return { expected: expected.charAt(0).toLowerCase() + expected.slice(1) };
}

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value instanceof Date) return 'a date';
	if (value === null) return 'an empty value';
	if (typeof value === 'object') return 'a group of fields';
	if (typeof value === 'number') return 'a number';
	if (typeof value === 'boolean') return 'true/false';
	return 'text';
}

function duplicates(list: unknown): string[] {
	if (!Array.isArray(list)) return [];
	return [...new Set(list.filter((v, i) => list.indexOf(v) !== i).map(String))];
}

/** The problems of one file's schema issues, with an unknown field that is a typo of a missing one reported once. */
export function schemaProblems(
	collection: Collection,
	source: SourceFile,
	issues: readonly z.core.$ZodIssue[],
	knownKeys: (path: readonly PropertyKey[]) => string[],
): Problem[] {
	const line = (path: readonly PropertyKey[]) => lineOfPath(source.frontmatter, path);
	const renamed = new Set<string>();
	const problems: Problem[] = [];
	for (const issue of issues) {
		if (issue.code !== 'unrecognized_keys') continue;
		const known = knownKeys(issue.path);
		for (const key of issue.keys) {
			const path = [...issue.path, key];
			const suggestion = nearest(key, known);
			if (suggestion && valueAt(source.data, [...issue.path, suggestion]) === undefined) renamed.add(fieldName([...issue.path, suggestion]));
			problems.push({
				severity: 'error',
				file: source.file,
				line: line(path),
				field: fieldName(path),
				found: `unknown field "${key}"`,
				expected: `only the fields ${known.join(', ')}`,
				fix: suggestion ? `did you mean "${suggestion}"? Rename "${key}:" to "${suggestion}:"` : `remove the line "${key}: …" (or fix its name)`,
			});
		}
	}
	for (const issue of issues) {
		if (issue.code === 'unrecognized_keys') continue;
		const field = fieldName(issue.path) || '(frontmatter)';
		const value = valueAt(source.data, issue.path);
		const missing = value === undefined;
		// "sumary:" is reported once, as the unknown field to rename, not again as a missing "summary".
		if (missing && renamed.has(field)) continue;
		const help = fieldHelp(collection, issue.path);
		const own = LIBRARY_WORDING.test(issue.message) ? undefined : ownWording(issue.message);
		const params = (issue as { params?: { found?: string; expected?: string; fix?: string } }).params;
		const key = String(issue.path.at(-1) ?? '');
		const parent = fieldName(issue.path.slice(0, -1));
		const example = help?.example ?? `${key}: …`;
		let found = missing ? '(missing)' : show(value);
		let expected = own?.expected ?? help?.what ?? 'a value this field accepts';
		let fix: string;
		if (missing) {
			fix = `add the field "${key}"${parent ? ` to ${parent}` : ''} — e.g. ${example}`;
			expected = help?.what ?? expected;
		} else if (issue.code === 'invalid_type') {
			found = `${show(value)} (${kindOf(value)})`;
			expected = help?.what ?? expected;
			fix = typeof value === 'number' || typeof value === 'boolean' ? `put it in quotes if it is text — e.g. ${example}` : `write it like this: ${example}`;
		} else if (issue.code === 'too_small' && (issue as { origin?: string }).origin === 'array') {
			expected = `${help?.what ?? 'a list'}, at least one`;
			fix = `${own ? own.expected : 'add at least one'} — e.g. ${example}`;
		} else if (issue.code === 'too_small') {
			found = '(empty)';
			expected = help?.what ?? expected;
			fix = `fill it in — e.g. ${example}`;
		} else if (issue.code === 'invalid_value') {
			const suggestion = typeof value === 'string' ? nearest(value, issue.values.map(String)) : undefined;
			fix = suggestion ? `did you mean "${suggestion}"?` : `use one of the values listed — e.g. ${example}`;
		} else if (issue.code === 'custom' && key === 'actors' && duplicates(value).length) {
			expected = 'each actor listed once';
			fix = `remove the second ${duplicates(value).map((id) => `"${id}"`).join(', ')}`;
		} else {
			if (own?.reason) found = `${show(value)}: ${own.reason}`;
			fix = `write it like this: ${example}`;
		}
		problems.push({
			severity: 'error',
			file: source.file,
			line: line(issue.path),
			field,
			found: params?.found ?? found,
			expected: params?.expected ?? expected,
			fix: params?.fix ?? fix,
		});
	}
	return problems;
}
