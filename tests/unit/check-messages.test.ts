// The check's messages, pinned as an author reads them (as Starlight pins its config errors): file:line as
// in the file, field, found, expected in plain words, and a fix on every error.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/input/check.ts';
import { formatProblem } from '../../src/input/problems.ts';
import { ACTOR, GOOD_ARTICLE, contentTree } from '../fixtures/content-tree.ts';

const ARTICLE = 'articles/2025-09-15-good.md';
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/** The messages `npm run check` prints for the good fixture article with one edit. */
function messagesFor(edit: (text: string) => string, path = ARTICLE): string {
	const t = contentTree();
	roots.push(t.root);
	const text = edit(GOOD_ARTICLE);
	if (path === ARTICLE && text === GOOD_ARTICLE) throw new Error('the edit changed nothing');
	t.write(path, text);
	return checkContent(t.content, t.root)
		.problems.filter((p) => p.severity === 'error')
		.map(formatProblem)
		.join('\n');
}

/** Wording of zod, js-yaml or the parsers that must never reach an author. */
const LIBRARY = /Invalid input|received (undefined|number|string)|expected (string|array|object)|Too small|flow collection|mapping entry|document separator|scalar|Unrecognized key/;

describe('schema messages', () => {
	it('a missing summary says what a summary is and how to add it', () => {
		expect(messagesFor((s) => s.replace(/^summary: .*\n/m, ''))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:2  summary
			    found:    (missing)
			    expected: a summary: one English paragraph on what the article reports
			    fix:      add the field "summary" — e.g. summary: "The US has stepped up cooperation with Mali's junta…""
		`);
	});

	it('a number where text belongs', () => {
		expect(messagesFor((s) => s.replace('title: "Хунта и Москва"', 'title: 1984'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:2  title
			    found:    1984 (a number)
			    expected: a title: the headline, in the article's own language
			    fix:      put it in quotes if it is text — e.g. title: "Администрация Трампа активизировала…""
		`);
	});

	it('an empty summary', () => {
		expect(messagesFor((s) => s.replace('summary: The junta and Moscow.', 'summary: ""'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:5  summary
			    found:    (empty)
			    expected: a summary: one English paragraph on what the article reports
			    fix:      fill it in — e.g. summary: "The US has stepped up cooperation with Mali's junta…""
		`);
	});

	it('a typo in an event kind suggests the kind', () => {
		expect(messagesFor((s) => s.replace('kind: coup', 'kind: cuop'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:14  events[0].kind
			    found:    "cuop"
			    expected: one of: coup, deployment, withdrawal, visit, statement, meeting, agreement, sanctions, sanctions-relief, intelligence-sharing, military-aid, attack, death, release, election, policy, report, other
			    fix:      did you mean "coup"?"
		`);
	});

	it('a misspelt field is reported once, as a field to rename', () => {
		expect(messagesFor((s) => s.replace('summary:', 'sumary:'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:5  sumary
			    found:    unknown field "sumary"
			    expected: only the fields draft, title, date, lang, summary, source, cites, actors, events, relations
			    fix:      did you mean "summary"? Rename "sumary:" to "summary:""
		`);
	});

	it('an actor listed twice names the duplicate', () => {
		expect(messagesFor((s) => s.replace('actors: [mali-junta, russia]', 'actors: [mali-junta, russia, russia]'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:9  actors
			    found:    ["mali-junta","russia","russia"]
			    expected: each actor listed once
			    fix:      remove the second "russia""
		`);
	});

	it('an empty actor list', () => {
		expect(messagesFor((s) => s.replace('actors: [mali-junta, russia]', 'actors: []'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:9  actors
			    found:    []
			    expected: a list of the ids of the actors the article is about (files in content/actors/), at least one
			    fix:      list at least one actor id — e.g. actors: [us, mali-junta]"
		`);
	});

	it('a publication date in words', () => {
		expect(messagesFor((s) => s.replace('date: 2025-09-15', 'date: "15 Sept 2025"'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:3  date
			    found:    "15 Sept 2025"
			    expected: a publication date as YYYY-MM-DD, e.g. 2025-09-15
			    fix:      write it like this: date: 2025-09-15"
		`);
	});

	it('an actor id typo suggests the id', () => {
		expect(messagesFor((s) => s.replace('actors: [mali-junta, russia]', 'actors: [mali-junat, russia]'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:9  actors[0]
			    found:    "mali-junat"
			    expected: the id of an actor in content/actors/
			    fix:      did you mean "mali-junta"?"
		`);
	});

	it('an actor with an unknown bloc', () => {
		expect(messagesFor(() => ACTOR('Wagner Group', 'ЧВК «Вагнер»', 'kremlin', 'parent: russia\n'), 'actors/wagner-group.md')).toMatchInlineSnapshot(`
			"✖ error  content/actors/wagner-group.md:4  bloc
			    found:    "kremlin"
			    expected: one of the principal blocs: us, mali-junta, russia, belarus (omit the field for independents)
			    fix:      use one of the values listed — e.g. bloc: russia"
		`);
	});
});

describe('YAML messages: plain words, the file\'s own line numbers in the header and the code frame', () => {
	it('a list missing its "]"', () => {
		expect(messagesFor((s) => s.replace('actors: [mali-junta, russia]', 'actors: [mali-junta, russia'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:9  (frontmatter)
			    found:    YAML syntax error: a list opened with "[" that is never closed
			    expected: "]" at the end of the list, on the same line
			    fix:      add "]" at the end of line 9
			         7 | cites:
			         8 |   - { outlet: The Washington Post, via: "officials, unnamed" }
			      >  9 | actors: [mali-junta, russia
			        10 | events:"
		`);
	});

	it('a text missing its closing quote', () => {
		expect(messagesFor((s) => s.replace('title: "Хунта и Москва"', 'title: "Хунта и Москва'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:2  (frontmatter)
			    found:    YAML syntax error: a text opened with " that is never closed
			    expected: a closing " at the end of the text
			    fix:      add " at the end of the text on line 2
			      > 2 | title: "Хунта и Москва
			        3 | date: 2025-09-15"
		`);
	});

	it('a value with ": " in it', () => {
		expect(messagesFor((s) => s.replace('summary: The junta and Moscow.', 'summary: The junta: and Moscow.'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:5  (frontmatter)
			    found:    YAML syntax error: a value containing ": ", which YAML reads as the start of another field
			    expected: a value with a colon inside quotes
			    fix:      put the value in quotes: summary: "The junta: and Moscow."
			        3 | date: 2025-09-15
			        4 | lang: ru
			      > 5 | summary: The junta: and Moscow.
			        6 | source: { outlet: Example, url: "https://example.org/a" }"
		`);
	});

	it('a field indented too far', () => {
		expect(messagesFor((s) => s.replace('    kind: coup', '      kind: coup'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:14  (frontmatter)
			    found:    YAML syntax error: a line indented differently from the fields around it
			    expected: fields of one level indented alike (spaces, not tabs)
			    fix:      line up line 14 with the other fields at its level
			        12 |     date: "2021"
			        13 |     title: Military coup in Mali
			      > 14 |       kind: coup
			        15 |     actors: [mali-junta]"
		`);
	});

	it('an apostrophe inside single quotes', () => {
		expect(messagesFor((s) => s.replace('title: "Хунта и Москва"', "title: 'Junta's Moscow'"))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:2  (frontmatter)
			    found:    YAML syntax error: a text in ' quotes with another ' inside it, which ends the text early
			    expected: a quote mark inside a text to be different from the ones around it
			    fix:      use double quotes around it: title: "Junta's Moscow"
			      > 2 | title: 'Junta's Moscow'
			        3 | date: 2025-09-15"
		`);
	});

	it('a field written twice', () => {
		expect(messagesFor((s) => s.replace('lang: ru\n', 'lang: ru\nlang: en\n'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:5  (frontmatter)
			    found:    YAML syntax error: the field "lang" a second time
			    expected: each field once
			    fix:      keep one "lang:" line and delete the other
			        3 | date: 2025-09-15
			        4 | lang: ru
			      > 5 | lang: en
			        6 | summary: The junta and Moscow."
		`);
	});

	it('a tab in the indentation', () => {
		expect(messagesFor((s) => s.replace('    kind: coup', '\tkind: coup'))).toMatchInlineSnapshot(`
			"✖ error  content/articles/2025-09-15-good.md:14  (frontmatter)
			    found:    YAML syntax error: a tab in the indentation
			    expected: indentation with spaces
			    fix:      replace the tab on line 14 with spaces
			        12 |     date: "2021"
			        13 |     title: Military coup in Mali
			      > 14 | 	kind: coup
			        15 |     actors: [mali-junta]"
		`);
	});
});

describe('every error speaks in one voice', () => {
	const edits: [string, (s: string) => string][] = [
		['missing title', (s) => s.replace(/^title: .*\n/m, '')],
		['missing lang', (s) => s.replace(/^lang: .*\n/m, '')],
		['events not a list', (s) => s.replace(/events:\n(    .*\n|  - .*\n)+/, 'events: yes\n')],
		['event without actors', (s) => s.replace('    actors: [mali-junta]\n', '')],
		['empty event actors', (s) => s.replace('    actors: [mali-junta]', '    actors: []')],
		['source as text', (s) => s.replace(/^source: .*$/m, 'source: Example')],
		['bad url', (s) => s.replace('https://example.org/a', 'example.org/a')],
		['relation kind typo', (s) => s.replace('kind: military-partnership', 'kind: military-partner')],
		['frontmatter is a list', (s) => s.replace(/^---\n[\s\S]*?\n---/, '---\n- a\n- b\n---')],
		['no colon', (s) => s.replace('lang: ru', 'lang ru')],
		['unclosed brace', (s) => s.replace('url: "https://example.org/a" }', 'url: "https://example.org/a"')],
	];
	it.each(edits)('%s: file:line, field, found, expected and a fix, no library wording', (_, edit) => {
		const t = contentTree();
		roots.push(t.root);
		t.write(ARTICLE, edit(GOOD_ARTICLE));
		const errors = checkContent(t.content, t.root).problems.filter((p) => p.severity === 'error');
		expect(errors.length).toBeGreaterThan(0);
		for (const p of errors) {
			const text = formatProblem(p);
			expect(p.file, text).toBe(`content/${ARTICLE}`);
			expect(p.line, text).toBeGreaterThan(0);
			expect(p.found, text).toBeTruthy();
			expect(p.fix, text).toBeTruthy();
			expect(text).not.toMatch(LIBRARY);
		}
	});
});

describe('a file with a schema error still takes part in the cross-file rules', () => {
	it('an actor whose kind is wrong still exists for the articles naming it', () => {
		const t = contentTree();
		roots.push(t.root);
		t.write('actors/russia.md', ACTOR('Russia', 'Россия', 'russia', 'aliases: { ru: [Москва] }\n').replace('kind: state', 'kind: country'));
		const errors = checkContent(t.content, t.root).problems.filter((p) => p.severity === 'error');
		expect(errors.map((p) => `${p.file} ${p.field}`)).toEqual(['content/actors/russia.md kind']);
	});

	it('a broken event still has its actors checked, and the other fields their rules', () => {
		const t = contentTree();
		roots.push(t.root);
		t.write(ARTICLE, GOOD_ARTICLE.replace('date: "2021"', 'date: "2021-13"').replace('actors: [mali-junta]\nrelations', 'actors: [mali-junat]\nrelations'));
		const errors = checkContent(t.content, t.root).problems.filter((p) => p.severity === 'error');
		expect(errors.map((p) => p.field)).toEqual(['events[0].date', 'events[0].actors[0]']);
	});
});
