import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { yamlAliasProblem } from './limits.ts';
import type { Problem } from './problems.ts';
import { yamlProblem } from './yaml-messages.ts';

// YAML reads an unquoted 2025-02-29 as 1 March 2025 without a word. Keep a day that does not exist as the
// text written, so the schema refuses it with a reason instead of publishing another date.
// js-yaml exports its standard types for custom schemas (`types`, index.js), which @types/js-yaml leaves out.
const timestamp = (yaml as unknown as { types: { timestamp: yaml.Type } }).types.timestamp;
const FRONTMATTER_SCHEMA = yaml.DEFAULT_SCHEMA.extend({
	implicit: [
		new yaml.Type('tag:yaml.org,2002:timestamp', {
			kind: 'scalar',
			resolve: (text: string) => timestamp.resolve(text),
			instanceOf: Date,
			represent: timestamp.represent ?? undefined,
			construct: (text: string) => {
				const date: Date = timestamp.construct(text);
				return /^\d{4}-\d{2}-\d{2}$/.test(text) && date.toISOString().slice(0, 10) !== text ? text : date;
			},
		}),
	],
});

/** A content file split into frontmatter data and Markdown body, or the problem that stopped it. */
export interface SourceFile {
	/** Path relative to the project root, for messages. */
	file: string;
	/** Frontmatter text as written (BOM removed, line endings normalised). */
	frontmatter: string;
	data: Record<string, unknown>;
	body: string;
	/** Line of the body's first line in the file, to report body problems. */
	bodyLine: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** 1-based line of the first byte sequence that is not UTF-8. */
function firstBadUtf8Line(bytes: Uint8Array): number {
	let line = 1;
	let start = 0;
	for (let i = 0; i <= bytes.length; i++) {
		if (i === bytes.length || bytes[i] === 0x0a) {
			try {
				decoder.decode(bytes.subarray(start, i));
			} catch {
				return line;
			}
			line++;
			start = i + 1;
		}
	}
	return 1;
}

/** Decodes UTF-8 strictly, drops a BOM and turns CRLF/CR into LF. */
export function decodeText(bytes: Uint8Array, file: string): string | Problem {
	let text: string;
	try {
		text = decoder.decode(bytes);
	} catch {
		return {
			severity: 'error',
			file,
			line: firstBadUtf8Line(bytes),
			field: '(file)',
			found: 'bytes that are not UTF-8',
			expected: 'a UTF-8 text file',
			fix: 'save the file as UTF-8 (e.g. iconv -f WINDOWS-1251 -t UTF-8)',
		};
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

const FENCE = /^---[ \t]*$/m;

/** Splits `---` frontmatter from the body and parses it as YAML. */
export function parseSource(text: string, file: string): SourceFile | Problem {
	if (!text.startsWith('---')) {
		return {
			severity: 'error',
			file,
			line: 1,
			field: '(frontmatter)',
			found: JSON.stringify(text.slice(0, 40)),
			expected: 'the file to start with a line "---", then YAML frontmatter, then "---"',
			fix: 'add the frontmatter block at the top of the file',
		};
	}
	const afterOpen = text.indexOf('\n') + 1;
	const rest = text.slice(afterOpen);
	const close = FENCE.exec(rest);
	if (!close || afterOpen === 0) {
		return {
			severity: 'error',
			file,
			line: 1,
			field: '(frontmatter)',
			found: 'no closing "---" line',
			expected: 'a line "---" that ends the frontmatter',
			fix: 'add "---" on its own line after the last frontmatter field',
		};
	}
	const frontmatter = rest.slice(0, close.index);
	const bodyStart = close.index + close[0].length + 1;
	const body = rest.slice(bodyStart);
	const bodyLine = text.slice(0, afterOpen + bodyStart).split('\n').length;
	const alias = yamlAliasProblem(frontmatter, file);
	if (alias) return alias;
	let data: unknown;
	try {
		data = yaml.load(frontmatter, { filename: file, schema: FRONTMATTER_SCHEMA });
	} catch (error) {
		return yamlProblem(frontmatter, file, error);
	}
	if (data === null || data === undefined) data = {};
	if (typeof data !== 'object' || Array.isArray(data)) {
		return {
			severity: 'error',
			file,
			line: 2,
			field: '(frontmatter)',
			found: Array.isArray(data) ? 'a YAML list' : `a ${typeof data}`,
			expected: 'YAML fields such as "title: …"',
			fix: 'write one "field: value" per line between the two "---" lines',
		};
	}
	return { file, frontmatter, data: data as Record<string, unknown>, body, bodyLine };
}

export function readSource(path: string, file: string): SourceFile | Problem {
	const text = decodeText(readFileSync(path), file);
	return typeof text === 'string' ? parseSource(text, file) : text;
}

export function isProblem(value: unknown): value is Problem {
	return typeof value === 'object' && value !== null && 'expected' in value && 'severity' in value;
}
