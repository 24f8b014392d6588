// The commonest YAML mistakes in frontmatter, said in an author's words, with the file's own line numbers.
import type { Problem } from './problems.ts';

/** The frontmatter starts on line 2 of the file, after the opening "---". */
const FIRST_LINE = 2;

interface YamlError {
	reason?: string;
	mark?: { line: number; column: number };
}

/** Lines around `line` (a file line), numbered as in the file, the line itself marked with ">". */
export function codeFrame(frontmatter: string, line: number): string {
	const lines = frontmatter.replace(/\n$/, '').split('\n');
	const from = Math.max(FIRST_LINE, line - 2);
	const to = Math.min(FIRST_LINE + lines.length - 1, line + 1);
	const width = String(to).length;
	const out: string[] = [];
	for (let n = from; n <= to; n++) {
		const text = lines[n - FIRST_LINE];
		if (text === undefined) continue;
		out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${text}`);
	}
	return out.join('\n');
}

/** Brackets a line opens and does not close, outside quotes. */
function openBrackets(text: string): string[] {
	const stack: string[] = [];
	let quote: string | undefined;
	for (const ch of text) {
		if (quote) {
			if (ch === quote) quote = undefined;
		} else if (ch === '"' || ch === "'") quote = ch;
		else if (ch === '#') break;
		else if (ch === '[' || ch === '{') stack.push(ch);
		else if ((ch === ']' || ch === '}') && stack.length) stack.pop();
	}
	return stack;
}

/** Number of double quotes on a line that are not escaped. */
function quotes(text: string, mark: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) if (text[i] === mark && text[i - 1] !== '\\') n++;
	return n;
}

interface Said {
	line: number;
	found: string;
	expected: string;
	fix: string;
}

function translate(reason: string, lines: string[], at: number): Said {
	// `at` is a 0-based frontmatter line; messages give file lines.
	const fileLine = (i: number) => i + FIRST_LINE;
	const lineText = lines[at] ?? '';
	if (/flow collection/.test(reason)) {
		for (let i = Math.min(at, lines.length - 1); i >= 0; i--) {
			const open = openBrackets(lines[i]);
			if (!open.length) continue;
			const close = open.map((b) => (b === '[' ? ']' : '}')).reverse().join('');
			const what = open.at(-1) === '[' ? 'a list opened with "["' : 'a group opened with "{"';
			return {
				line: fileLine(i),
				found: `${what} that is never closed`,
				expected: `"${close}" at the end of the ${open.at(-1) === '[' ? 'list' : 'group'}, on the same line`,
				fix: `add "${close}" at the end of line ${fileLine(i)}`,
			};
		}
		return {
			line: fileLine(at),
			found: 'two entries of a [list] or {group} without a comma between them',
			expected: 'entries separated by commas, e.g. [us, mali-junta]',
			fix: `add the missing comma on line ${fileLine(at)}, or close the "[" or "{" above it`,
		};
	}
	const quoteKind = /double quoted/.test(reason) ? '"' : /single quoted/.test(reason) ? "'" : undefined;
	if (quoteKind) {
		let i = Math.min(at, lines.length - 1);
		while (i > 0 && quotes(lines[i], quoteKind) % 2 === 0) i--;
		return {
			line: fileLine(i),
			found: `a text opened with ${quoteKind} that is never closed`,
			expected: `a closing ${quoteKind} at the end of the text`,
			fix: `add ${quoteKind} at the end of the text on line ${fileLine(i)}`,
		};
	}
	if (/duplicated mapping key/.test(reason)) {
		const key = /^\s*-?\s*([^:#]+):/.exec(lineText)?.[1]?.trim() ?? 'this field';
		return {
			line: fileLine(at),
			found: `the field "${key}" a second time`,
			expected: 'each field once',
			fix: `keep one "${key}:" line and delete the other`,
		};
	}
	if (/tab characters/.test(reason)) {
		return {
			line: fileLine(at),
			found: 'a tab in the indentation',
			expected: 'indentation with spaces',
			fix: `replace the tab on line ${fileLine(at)} with spaces`,
		};
	}
	if (/bad indentation of a mapping entry/.test(reason)) {
		const value = /^\s*-?\s*[^:#\s][^:#]*:\s+(.*)$/.exec(lineText)?.[1];
		if (value && /^['"]/.test(value)) {
			const field = lineText.slice(0, lineText.indexOf(value)).trim().replace(/^-\s*/, '');
			return {
				line: fileLine(at),
				found: `a text in ${value[0]} quotes with another ${value[0]} inside it, which ends the text early`,
				expected: 'a quote mark inside a text to be different from the ones around it',
				fix: value[0] === "'" ? `use double quotes around it: ${field} "${value.slice(1).replace(/'$/, '').replace(/"/g, '\\"')}"` : `use single quotes around it, or write \\" inside: ${field} '${value.slice(1).replace(/"$/, '')}'`,
			};
		}
		if (value && /:\s/.test(value)) {
			const field = lineText.slice(0, lineText.indexOf(value)).trim().replace(/^-\s*/, '');
			return {
				line: fileLine(at),
				found: 'a value containing ": ", which YAML reads as the start of another field',
				expected: 'a value with a colon inside quotes',
				fix: `put the value in quotes: ${field} "${value.replace(/"/g, '\\"')}"`,
			};
		}
		if (value && /^[@`%|>]/.test(value)) {
			const field = lineText.slice(0, lineText.indexOf(value)).trim();
			return {
				line: fileLine(at),
				found: `a value starting with "${value[0]}", which YAML reserves`,
				expected: 'a value that starts with a letter or digit, or is in quotes',
				fix: `put the value in quotes: ${field} "${value.replace(/"/g, '\\"')}"`,
			};
		}
		return {
			line: fileLine(at),
			found: 'a line indented differently from the fields around it',
			expected: 'fields of one level indented alike (spaces, not tabs)',
			fix: `line up line ${fileLine(at)} with the other fields at its level`,
		};
	}
	// "end of the stream or a document separator is expected", "can not read a block mapping entry", …
	// often a quote or bracket left open on an earlier line, which YAML only notices further down.
	for (let i = 0; i <= Math.min(at, lines.length - 1); i++) {
		const mark = quotes(lines[i], '"') % 2 ? '"' : undefined;
		if (mark && !lines[i].trimStart().startsWith('#')) {
			return {
				line: fileLine(i),
				found: `a text opened with ${mark} that is never closed`,
				expected: `a closing ${mark} at the end of the text`,
				fix: `add ${mark} at the end of the text on line ${fileLine(i)}`,
			};
		}
	}
	const prev = Math.max(0, at - 1);
	return {
		line: fileLine(at),
		found: 'a line that cannot be read as "field: value"',
		expected: 'one "field: value" per line (a colon and a space after the field name), lists as [a, b] or "- " lines',
		fix: `check lines ${fileLine(prev)}–${fileLine(at)}: a missing ":" after a field name, an unclosed quote or bracket, or a value that needs quotes`,
	};
}

/** The problem a YAML parse error makes, pointing at the file's own line and showing it in context. */
export function yamlProblem(frontmatter: string, file: string, error: unknown): Problem {
	const e = error as YamlError;
	const lines = frontmatter.split('\n');
	const at = Math.min(Math.max(0, e.mark?.line ?? 0), Math.max(0, lines.length - 1));
	const said = translate(e.reason ?? '', lines, at);
	return {
		severity: 'error',
		file,
		line: said.line,
		field: '(frontmatter)',
		found: `YAML syntax error: ${said.found}`,
		expected: said.expected,
		fix: said.fix,
		excerpt: codeFrame(frontmatter, said.line),
	};
}
