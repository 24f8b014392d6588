// What the build can render, checked before it tries: the Markdown renderer recurses per level of
// nesting (a few thousand levels overflow its stack) and takes time quadratic in the emphasis delimiters
// and brackets of one paragraph; the actor index pairs every two actors of an article. Each rule here
// refuses input past a bound that stays far above real articles and keeps the worst file the check
// passes within seconds of rendering (measured with scripts/bench-markdown.ts; figures in README.md).
// Each function is called once per file from src/input/check.ts (or read.ts), so the check stays a
// list of rules.
import { statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import { lineOfPath } from './locate.ts';
import { fieldName, type Problem } from './problems.ts';
import type { SourceFile } from './read.ts';
import type { Collection, FileResult } from './check.ts';

export const LIMITS = {
	/** Article text, in UTF-8 bytes: ~10 times the longest article so far. */
	bodyBytes: 100_000,
	/** Paragraphs, quotes, list items… separated by blank lines: the renderer slows with their number. */
	blocks: 1_000,
	/** Emphasis delimiter runs (*, _, ~) in one paragraph: each *phrase* takes two. */
	delimiterRuns: 50,
	/** Opening brackets ([ and ![) in one paragraph: each link takes one. */
	brackets: 100,
	/** Emphasis runs, brackets, table bars, bare links and HTML tags in the whole body: each costs the renderer far more than a letter. */
	markupTotal: 5_000,
	/** Quote and list markers (>, -, 1.) in the whole body: the renderer slows with the square of their number. */
	containers: 1_500,
	/** Cells of one table row (| on one line). */
	tableCells: 64,
	/** Blockquote and list levels on one line (> > - …). */
	containerDepth: 8,
	/** Raw HTML elements inside each other. */
	htmlDepth: 32,
	/** Actor ids in an article's or an event's `actors` list. */
	actors: 100,
} as const;

const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;

// Elements that never contain others, or whose end tag the HTML parser adds by itself: not nesting.
const NOT_NESTING = new Set(
	'area base br col embed hr img input link meta source track wbr p li dt dd tr td th thead tbody tfoot option optgroup rb rt rp colgroup caption'.split(
		' ',
	),
);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g;
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/**
 * The Markdown body against the limits above: size, nesting, and per-paragraph counts of the constructs
 * whose rendering time grows faster than their length. One problem per kind, at the first line past it.
 */
export function bodyLimitProblems(body: string, file: string, bodyLine: number): Problem[] {
	const problems: Problem[] = [];
	const bytes = Buffer.byteLength(body);
	if (bytes > LIMITS.bodyBytes) {
		problems.push({
			severity: 'error',
			file,
			line: bodyLine,
			field: '(body)',
			found: `${kb(bytes)} of article text`,
			expected: `at most ${kb(LIMITS.bodyBytes)} (longer bodies make the build slow for everyone)`,
			fix: 'split the article into parts, or cut what is not the article’s own text',
		});
		return problems;
	}
	const lines = body.split('\n');
	let fence: string | undefined;
	let runs = 0;
	let brackets = 0;
	let blockStart = 0;
	let blocks = 0;
	let total = 0;
	let containers = 0;
	// One problem per kind of limit, at the first line past it.
	const reported = new Set<string>();
	const report = (kind: string, line: number, problem: Pick<Problem, 'found' | 'expected' | 'fix'>) => {
		if (reported.has(kind)) return;
		reported.add(kind);
		problems.push({ severity: 'error', file, line, field: '(body)', ...problem });
	};
	const markupPassed = (line: number) =>
		report('total', line, {
			found: `more than ${LIMITS.markupTotal} pieces of markup (*, _, ~, [, |, bare links, HTML tags) in the body; this is where the limit is passed`,
			expected: `at most ${LIMITS.markupTotal} in one article`,
			fix: 'split the article into parts, or escape literal characters as \\*, \\_, \\[ or \\|',
		});
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (!line.trim()) {
			runs = brackets = 0;
			blockStart = i + 1;
			continue;
		}
		if (blockStart === i && ++blocks === LIMITS.blocks + 1) {
			problems.push({
				severity: 'error',
				file,
				line: bodyLine + i,
				field: '(body)',
				found: `more than ${LIMITS.blocks} paragraphs (blocks separated by blank lines); this is where the limit is passed`,
				expected: `at most ${LIMITS.blocks} paragraphs, quotes and list items separated by blank lines`,
				fix: 'split the article into parts, or join lines that belong to one paragraph',
			});
		}
		const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? '';
		const rest = line.slice(prefix.length);
		// Each list item is a paragraph of its own.
		if (/[-*+\d]/.test(prefix)) runs = brackets = 0;
		const marker = FENCE.exec(rest)?.[1];
		if (fence) {
			if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
			continue;
		}
		if (marker) {
			fence = marker;
			continue;
		}
		if (!reported.has('depth')) {
			const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
			const depth = (prefix.match(/>|[-*+](?=[ \t]|$)|\d[.)]/g)?.length ?? 0) + Math.floor(indent / 2);
			if (depth > LIMITS.containerDepth)
				report('depth', bodyLine + i, {
					found: `${depth} levels of quotes or lists on one line`,
					expected: `at most ${LIMITS.containerDepth} levels of ">" quotes and list items inside each other`,
					fix: 'flatten the nesting; quote the text once',
				});
		}
		if ((rest.match(/\|/g)?.length ?? 0) > LIMITS.tableCells + 1)
			report('cells', bodyLine + i, {
				found: `${rest.match(/\|/g)!.length} "|" on one line`,
				expected: `tables of at most ${LIMITS.tableCells} columns`,
				fix: 'split the table, or escape literal bars as \\|',
			});
		const lineRuns = rest.match(/[*_~]+/g)?.length ?? 0;
		const lineBrackets = rest.match(/\[/g)?.length ?? 0;
		runs += lineRuns;
		brackets += lineBrackets;
		total += lineRuns + lineBrackets + (rest.match(/\||www\.|https?:/g)?.length ?? 0);
		if (total > LIMITS.markupTotal) markupPassed(bodyLine + i);
		containers += prefix.match(/>|[-*+](?=[ \t]|$)|\d[.)]/g)?.length ?? 0;
		if (containers > LIMITS.containers)
			report('containers', bodyLine + i, {
				found: `more than ${LIMITS.containers} quote and list markers (>, -, *, 1.) in the body; this is where the limit is passed`,
				expected: `at most ${LIMITS.containers} in one article`,
				fix: 'split the article into parts; quote long passages once, as plain paragraphs',
			});
		if (runs > LIMITS.delimiterRuns)
			report('runs', bodyLine + blockStart, {
				found: `more than ${LIMITS.delimiterRuns} runs of *, _ or ~ in the paragraph starting here`,
				expected: `at most ${LIMITS.delimiterRuns} emphasis markers per paragraph (rendering time grows with their square)`,
				fix: 'split the paragraph with a blank line, or escape literal characters as \\*, \\_ or \\~',
			});
		if (brackets > LIMITS.brackets)
			report('brackets', bodyLine + blockStart, {
				found: `more than ${LIMITS.brackets} "[" in the paragraph starting here`,
				expected: `at most ${LIMITS.brackets} links or brackets per paragraph (rendering time grows with their square)`,
				fix: 'split the paragraph with a blank line, or escape literal brackets as \\[',
			});
	}
	let depth = 0;
	let deepest = 0;
	let deepestAt = 0;
	for (const match of body.matchAll(TAG)) {
		const [, closing, name, selfClosing] = match;
		if (++total > LIMITS.markupTotal && !reported.has('total')) markupPassed(bodyLine + body.slice(0, match.index).split('\n').length - 1);
		if (NOT_NESTING.has(name!.toLowerCase()) || selfClosing) continue;
		if (closing) depth = Math.max(0, depth - 1);
		else if (++depth > deepest) {
			deepest = depth;
			deepestAt = match.index;
		}
	}
	if (deepest > LIMITS.htmlDepth) {
		problems.push({
			severity: 'error',
			file,
			line: bodyLine + body.slice(0, deepestAt).split('\n').length - 1,
			field: '(body)',
			found: `HTML elements nested ${deepest} deep`,
			expected: `at most ${LIMITS.htmlDepth} HTML elements inside each other`,
			fix: 'remove the nesting; articles need little raw HTML, if any',
		});
	}
	return problems;
}

/** An `actors` list past LIMITS.actors, for the article and each of its events. */
export function actorListProblems(data: { actors?: unknown; events?: unknown }, file: string, lineOf: (path: PropertyKey[]) => number | undefined): Problem[] {
	const lists: [PropertyKey[], unknown][] = [[['actors'], data.actors]];
	if (Array.isArray(data.events)) data.events.forEach((event, i) => lists.push([['events', i, 'actors'], (event as { actors?: unknown })?.actors]));
	return lists
		.filter(([, list]) => Array.isArray(list) && list.length > LIMITS.actors)
		.map(([path, list]) => ({
			severity: 'error',
			file,
			line: lineOf(path),
			field: fieldName(path),
			found: `${(list as unknown[]).length} actor ids`,
			expected: `at most ${LIMITS.actors}: the actors the article is about`,
			fix: 'keep the actors the text names and matters to; the others need no link',
		}));
}

/**
 * YAML anchors (&a) and aliases (*a) in frontmatter: a few nested aliases expand to gigabytes (an "alias
 * bomb"), and no field needs them. Refused before the frontmatter is loaded. A cheap test first: only
 * text with & or * followed by a name can hold one.
 */
export function yamlAliasProblem(frontmatter: string, file: string): Problem | undefined {
	if (!/[&*][^\s,[\]{}]/.test(frontmatter)) return undefined;
	const lineCounter = new LineCounter();
	const doc = parseDocument(frontmatter, { lineCounter, uniqueKeys: false });
	let offset: number | undefined;
	let kind = '';
	visit(doc, (_key, node) => {
		if (isAlias(node)) {
			offset = node.range?.[0];
			kind = `the alias *${node.source}`;
			return visit.BREAK;
		}
		if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
			offset = node.range?.[0];
			kind = `the anchor &${node.anchor}`;
			return visit.BREAK;
		}
	});
	if (!kind) return undefined;
	return {
		severity: 'error',
		file,
		// +1 for the opening "---" line.
		line: offset === undefined ? undefined : lineCounter.linePos(offset).line + 1,
		field: '(frontmatter)',
		found: kind,
		expected: 'plain YAML values: anchors (&name) and aliases (*name) are not allowed',
		fix: 'write the value out in full, or quote text that starts with & or *, e.g. "*Note*"',
	};
}

/** Two files that would get one URL: the same file name in two folders of a collection. */
export function slugCollisionProblems(files: readonly string[], root: string): Problem[] {
	const byId = new Map<string, string[]>();
	for (const path of files) {
		const id = basename(path, '.md');
		byId.set(id, [...(byId.get(id) ?? []), relative(root, path) || path]);
	}
	return [...byId].flatMap(([id, same]) =>
		same.length < 2
			? []
			: same.map(
					(file): Problem => ({
						severity: 'error',
						file,
						field: '(file name)',
						found: `"${id}", the same name as ${same.filter((other) => other !== file).join(' and ')}`,
						expected: 'one file per name in a collection (the name becomes the URL, subfolders do not)',
						fix: `rename one of the ${same.length} files, or delete the copy`,
					}),
				),
	);
}

/** Every limit of one parsed file: its body, and for articles its actor lists. */
export function sourceLimitProblems(collection: Collection, source: SourceFile): Problem[] {
	return [
		...bodyLimitProblems(source.body, source.file, source.bodyLine),
		...(collection === 'articles' ? actorListProblems(source.data, source.file, (path) => lineOfPath(source.frontmatter, path)) : []),
	];
}

/**
 * Runs the per-file check so that nothing a file contains can stop the run with a stack trace: an
 * unexpected exception becomes an error for that file.
 */
export function guardFile(
	collection: Collection,
	path: string,
	root: string,
	validate: (collection: Collection, path: string, root: string) => FileResult,
): FileResult {
	// Both refusals are about the whole file: no field, no line.
	const refuse = (found: string, expected: string, fix: string): FileResult => ({
		collection,
		problems: [{ severity: 'error', file: relative(root, path) || path, field: '(file)', found, expected, fix }],
	});
	try {
		// Not even read when far past the body limit: a stray multi-gigabyte file must not fill the memory.
		let size = 0;
		try {
			size = statSync(path).size;
		} catch {}
		if (size > 10 * LIMITS.bodyBytes) {
			return refuse(`a file of ${kb(size)}`, `an article of at most ${kb(LIMITS.bodyBytes)} of text`, 'split the article into parts, or move the file out of content/');
		}
		return validate(collection, path, root);
	} catch (error) {
		const e = error as Error;
		return refuse(
			`a file the check could not read: ${e?.name ?? 'Error'}: ${String(e?.message ?? error).slice(0, 200)}`,
			'a readable UTF-8 Markdown file with YAML frontmatter',
			'look for what is unusual in this file (size, nesting, special characters); if it looks ordinary, report it with the file attached',
		);
	}
}
