// Input the build cannot render, or that would publish the wrong thing, refused (or reported) by the
// check with the file, the field and a fix — never a stack trace, never a silent drop.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/input/check.ts';
import { guardFile, LIMITS } from '../../src/input/limits.ts';
import { formatProblems, type Problem } from '../../src/input/problems.ts';
import { ACTOR, GOOD_ARTICLE, contentTree } from '../fixtures/content-tree.ts';

const repo = resolve(import.meta.dirname, '../..');
const ARTICLE = 'articles/2025-09-15-good.md';
type Tree = ReturnType<typeof contentTree>;

let trees: Tree[] = [];
const tree = () => {
	const t = contentTree();
	trees.push(t);
	return t;
};
afterEach(() => {
	for (const t of trees) rmSync(t.root, { recursive: true, force: true });
	trees = [];
});

/** The good article with another body. */
const withBody = (body: string) => GOOD_ARTICLE.replace(/\n---\n[\s\S]*$/, `\n---\n${body}`);

/** Checks the tree; returns the problem of `file` and `field`, failing with every problem when there is none. */
function problemOf(t: Tree, file: string, field: string, severity: Problem['severity'] = 'error', found?: RegExp): Problem {
	const started = performance.now();
	const { problems } = checkContent(t.content, t.root);
	// The check itself stays fast on every hostile input.
	expect(performance.now() - started).toBeLessThan(5_000);
	const hit = problems.find((p) => p.severity === severity && p.file.endsWith(file) && p.field === field && (!found || found.test(p.found ?? '')));
	expect(hit, `no ${severity} for ${file} ${field} in:\n${formatProblems(problems)}`).toBeDefined();
	expect(hit!.expected.length).toBeGreaterThan(10);
	expect(hit!.fix?.length ?? 0).toBeGreaterThan(5);
	return hit!;
}

describe('two files with one name', () => {
	it('an article in a subfolder with the name of another is refused, naming both', () => {
		const t = tree();
		mkdirSync(join(t.content, 'articles/sub'));
		t.write('articles/sub/2025-09-15-good.md', GOOD_ARTICLE.replace('Хунта и Москва', 'Другая статья'));
		const p = problemOf(t, 'articles/sub/2025-09-15-good.md', '(file name)');
		expect(p.found).toContain(`the same name as ${join('content', ARTICLE)}`);
		expect(p.fix).toMatch(/rename one of the 2 files/);
	});

	it('a second actor file with an existing id is refused', () => {
		const t = tree();
		mkdirSync(join(t.content, 'actors/more'));
		t.write('actors/more/russia.md', ACTOR('Russian Federation', 'Российская Федерация', 'russia'));
		expect(problemOf(t, 'actors/more/russia.md', '(file name)').found).toMatch(/"russia", the same name as content\/actors\/russia\.md/);
	});
});

describe('actor lists', () => {
	it(`more than ${LIMITS.actors} actors in one article is refused at the list, with its line`, () => {
		const t = tree();
		const ids = Array.from({ length: LIMITS.actors + 1 }, (_, i) => `extra-${i}`);
		for (const id of ids) t.write(`actors/${id}.md`, ACTOR(`Extra ${id}`, `Доп ${id}`));
		t.write(ARTICLE, GOOD_ARTICLE.replace('actors: [mali-junta, russia]', `actors: [mali-junta, ${ids.join(', ')}]`));
		const p = problemOf(t, ARTICLE, 'actors');
		expect(p.found).toBe(`${LIMITS.actors + 2} actor ids`);
		expect(p.line).toBe(9);
	});

	it('an event with too many actors is refused at the event', () => {
		const t = tree();
		const ids = Array.from({ length: LIMITS.actors + 1 }, () => 'russia');
		t.write(ARTICLE, GOOD_ARTICLE.replace('    actors: [mali-junta]', `    actors: [${ids.join(', ')}]`));
		expect(problemOf(t, ARTICLE, 'events[0].actors').line).toBe(15);
	});
});

describe('YAML anchors and aliases', () => {
	it('a 9-level alias bomb is refused before it is expanded', () => {
		const t = tree();
		const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
		for (let i = 1; i < 9; i++) {
			const prev = String.fromCharCode(96 + i);
			levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
		}
		t.write(ARTICLE, GOOD_ARTICLE.replace('lang: ru\n', `lang: ru\n${levels.join('\n')}\n`));
		const p = problemOf(t, ARTICLE, '(frontmatter)');
		expect(p.found).toBe('the anchor &a');
		expect(p.line).toBe(5);
		expect(p.fix).toMatch(/write the value out in full/);
	});

	it('an unquoted *emphasis* title (an alias in YAML) gets a fix that says to quote it', () => {
		const t = tree();
		t.write(ARTICLE, GOOD_ARTICLE.replace('title: "Хунта и Москва"', 'title: *Хунта*'));
		const p = problemOf(t, ARTICLE, '(frontmatter)');
		expect(p.found).toBe('the alias *Хунта*');
		expect(p.line).toBe(2);
		expect(p.fix).toMatch(/quote text that starts with & or \*/);
	});

	it('& and * inside ordinary text are not taken for anchors', () => {
		const t = tree();
		t.write(ARTICLE, GOOD_ARTICLE.replace('summary: The junta and Moscow.', 'summary: "R&D, *note*, AT&T & co"'));
		expect(checkContent(t.content, t.root).problems.filter((p) => p.severity === 'error')).toEqual([]);
	});
});

describe('Markdown the renderer cannot take', () => {
	const cases: [string, string, RegExp][] = [
		['3,000 nested <div> (33 KB)', `${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}\n`, /HTML elements nested 3000 deep/],
		['">" ×3000', `${'>'.repeat(3000)} x\n`, /3000 levels of quotes or lists/],
		['a list nested 100 deep', `${Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n`, /levels of quotes or lists/],
		['160 KB of *a**', `${'*a**'.repeat(40_000)}\n`, /160 KB of article text/],
		['20 KB of *a** (under the size cap)', `${'*a**'.repeat(5_000)}\n`, /more than 50 runs of \*, _ or ~/],
		['24 KB of *a** in short paragraphs', `${'*a**'.repeat(20)}\n\n`.repeat(300), /more than 5000 pieces of markup/],
		['200 KB of nested brackets', `${'['.repeat(100_000)}a${']'.repeat(100_000)}\n`, /200 KB of article text/],
		['20 KB of nested brackets', `${'['.repeat(10_000)}a${']'.repeat(10_000)}\n`, /more than 100 "\[" in the paragraph/],
		['a table 2,000 columns wide', `${'|a'.repeat(2000)}|\n${'|-'.repeat(2000)}|\n`, /2001 "\|" on one line/],
		['5,000 one-letter paragraphs', 'x\n\n'.repeat(5000), /more than 1000 paragraphs/],
		['1,600 quote lines', '> x\n'.repeat(1600), /more than 1500 quote and list markers/],
		['6,000 bare links', 'www.a.com '.repeat(6000), /more than 5000 pieces of markup/],
		['6,000 <b> tags in short paragraphs', '<b>x</b>\n\n'.repeat(600).repeat(10).slice(0, 60_000), /more than 5000 pieces of markup|more than 1000 paragraphs/],
	];
	it.each(cases)('%s is refused in (body), with the line and a fix', (_name, body, found) => {
		const t = tree();
		t.write(ARTICLE, withBody(body));
		const p = problemOf(t, ARTICLE, '(body)', 'error', found);
		// The body starts on line 19 of the fixture.
		expect(p.line).toBeGreaterThanOrEqual(19);
	});

	it('an ordinary article with quotes, lists, links, emphasis, a table and code passes', () => {
		const t = tree();
		const paragraph = 'Хунта *в Мали* сотрудничает с **Москвой**, [пишет](https://example.org/a_b_c) газета; см. [1].';
		const code = '```\n' + '*'.repeat(500) + '\n' + '['.repeat(500) + '\n```';
		const body = [
			...Array(200).fill(paragraph),
			'> Цитата\n>\n> > вложенная цитата',
			Array.from({ length: 300 }, (_, i) => `- пункт ${i} *важный*`).join('\n'),
			'| a | b |\n|---|---|\n| 1 | 2 |',
			code,
			'<div><p>HTML <em>inline</em></p></div>',
		].join('\n\n');
		t.write(ARTICLE, withBody(body));
		expect(formatProblems(checkContent(t.content, t.root).problems.filter((p) => p.severity === 'error'))).toBe(
			'\n0 errors, 0 warnings in 0 files',
		);
	});
});

describe('files the check does not read', () => {
	it('a symlink to / in content/ is skipped with a warning, no stack trace', () => {
		const t = tree();
		symlinkSync('/', join(t.content, 'articles/root'));
		const p = problemOf(t, 'articles/root', '(file)', 'warning');
		expect(p.found).toBe('a symbolic link to /, outside content/; skipped');
		expect(checkContent(t.content, t.root).articles).toHaveLength(1);
	});

	it('a symlinked folder outside content/ is not published', () => {
		const t = tree();
		const outside = join(t.root, 'outside');
		mkdirSync(outside);
		t.write('../outside/2025-09-15-secret.md', GOOD_ARTICLE);
		symlinkSync(outside, join(t.content, 'articles/elsewhere'));
		problemOf(t, 'articles/elsewhere', '(file)', 'warning');
		expect(checkContent(t.content, t.root).articles.map((a) => a.id)).toEqual(['2025-09-15-good']);
	});

	it('a symlink to a file inside content/ is read', () => {
		const t = tree();
		mkdirSync(join(t.content, 'drafts'));
		t.write('drafts/2025-09-16-linked.md', GOOD_ARTICLE.replace('date: 2025-09-15', 'date: 2025-09-16').replace('id: 2021-mali-coup', 'id: other-coup'));
		symlinkSync(join(t.content, 'drafts/2025-09-16-linked.md'), join(t.content, 'articles/2025-09-16-linked.md'));
		const { articles, problems } = checkContent(t.content, t.root);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(articles.map((a) => a.id)).toContain('2025-09-16-linked');
	});

	it('a .MD file is reported with the name to rename it to', () => {
		const t = tree();
		t.write('articles/2025-09-16-upper.MD', GOOD_ARTICLE);
		const p = problemOf(t, 'articles/2025-09-16-upper.MD', '(file name)', 'warning');
		expect(p.fix).toBe('rename it to "2025-09-16-upper.md"');
	});

	it('any other file in content/ is reported', () => {
		const t = tree();
		t.write('articles/notes.txt', 'x');
		t.write('articles/photo.jpg', 'x');
		expect(problemOf(t, 'articles/photo.jpg', '(file name)', 'warning').fix).toBe('move it out of content/');
	});

	it('npm run check prints the skipped files as warnings and does not fail on them', () => {
		const t = tree();
		symlinkSync('/', join(t.content, 'articles/root'));
		t.write('articles/2025-09-16-upper.MD', GOOD_ARTICLE);
		const run = spawnSync(process.execPath, [join(repo, 'scripts/check.ts'), t.content], { cwd: t.root, encoding: 'utf8' });
		expect(run.status, run.stderr).toBe(0);
		expect(run.stderr).toContain('⚠ warning  content/articles/root  (file)');
		expect(run.stderr).toContain('rename it to "2025-09-16-upper.md"');
		expect(run.stderr).not.toMatch(/\n\s+at /);
	}, 30_000);
});

describe('a file far past the size limit', () => {
	it('is refused without being read', () => {
		const t = tree();
		t.write('articles/2025-09-16-huge.md', GOOD_ARTICLE + 'x'.repeat(2_000_000));
		expect(problemOf(t, 'articles/2025-09-16-huge.md', '(file)').found).toMatch(/^a file of 2\d{3} KB$/);
	});
});

describe('an unexpected exception while checking a file', () => {
	it('becomes an error for that file instead of a stack trace', () => {
		const result = guardFile('articles', '/x/content/articles/a.md', '/x', () => {
			throw new RangeError('Maximum call stack size exceeded');
		});
		expect(result.problems).toEqual([
			expect.objectContaining({
				severity: 'error',
				file: 'content/articles/a.md',
				field: '(file)',
				found: 'a file the check could not read: RangeError: Maximum call stack size exceeded',
			}),
		]);
		expect(result.problems[0]!.fix).toMatch(/report it/);
	});
});
