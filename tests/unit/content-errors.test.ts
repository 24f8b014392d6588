// Every rule the build enforces, each broken once: the author must learn the file, the field and a fix,
// the build must exit non-zero, and the last good site must survive.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/input/check.ts';
import { formatProblems } from '../../src/input/problems.ts';
import { ACTOR, GOOD_ARTICLE, contentTree } from '../fixtures/content-tree.ts';

const repo = resolve(import.meta.dirname, '../..');
const ARTICLE = 'articles/2025-09-15-good.md';

interface Case {
	name: string;
	/** Breaks the tree; returns nothing. */
	breakIt: (t: ReturnType<typeof contentTree>) => void;
	file: string;
	field: string | RegExp;
	/** Something the message must say: what was found, or the fix. */
	says: RegExp;
	line?: number;
}

const replaceIn = (t: ReturnType<typeof contentTree>, path: string, from: string | RegExp, to: string) => {
	const file = join(t.content, path);
	const text = readFileSync(file, 'utf8');
	const next = text.replace(from, to);
	if (next === text) throw new Error(`fixture edit did nothing: ${from}`);
	writeFileSync(file, next);
};

const cases: Case[] = [
	{ name: 'unknown actor id (typo)', breakIt: (t) => replaceIn(t, ARTICLE, 'actors: [mali-junta, russia]', 'actors: [mali-junat, russia]'), file: ARTICLE, field: 'actors[0]', says: /did you mean "mali-junta"/, line: 9 },
	{ name: 'unknown actor in an event', breakIt: (t) => replaceIn(t, ARTICLE, '    actors: [mali-junta]', '    actors: [malli-junta]'), file: ARTICLE, field: 'events[0].actors[0]', says: /did you mean "mali-junta"/, line: 15 },
	{ name: 'unknown actor in a relation', breakIt: (t) => replaceIn(t, ARTICLE, 'from: russia', 'from: rusia'), file: ARTICLE, field: 'relations[0].from', says: /did you mean "russia"/ },
	{ name: 'unknown parent', breakIt: (t) => replaceIn(t, 'actors/wagner-group.md', 'parent: russia', 'parent: rusia'), file: 'actors/wagner-group.md', field: 'parent', says: /did you mean "russia"/ },
	{ name: 'parent cycle', breakIt: (t) => { t.write('actors/a-one.md', ACTOR('A', 'А', 'us', 'parent: a-two\n')); t.write('actors/a-two.md', ACTOR('B', 'Б', 'us', 'parent: a-one\n')); }, file: 'actors/a-', field: 'parent', says: /cycle: a-(one|two) → a-(one|two) → a-(one|two)/ },
	{ name: 'event dated after its article', breakIt: (t) => replaceIn(t, ARTICLE, 'date: "2021"', 'date: "2026-01"'), file: ARTICLE, field: 'events[0].date', says: /no later than the article's own date 2025-09-15/ },
	{ name: 'one event id, two dates', breakIt: (t) => t.write('articles/2025-09-16-other.md', GOOD_ARTICLE.replace('date: "2021"', 'date: "2021-08"').replace('date: 2025-09-15', 'date: 2025-09-16')), file: 'articles/2025-09-1', field: 'events[0].date', says: /same date as .* "(2021|2021-08)"/ },
	{ name: 'EDTF that does not parse', breakIt: (t) => replaceIn(t, ARTICLE, 'date: "2021"', 'date: "2021-13"'), file: ARTICLE, field: 'events[0].date', says: /there is no month 13[\s\S]*did you mean "2021-12"/ },
	// Issue 17: these passed the check and crashed the build in the strip, or were published as another day.
	{ name: 'event dated -9999', breakIt: (t) => replaceIn(t, ARTICLE, 'date: "2021"', 'date: "-9999"'), file: ARTICLE, field: 'events[0].date', says: /10000 BCE is outside the years the timeline draws[\s\S]*check the year/, line: 12 },
	{ name: 'event dated Y170000002', breakIt: (t) => replaceIn(t, ARTICLE, 'date: "2021"', 'date: "Y170000002"'), file: ARTICLE, field: 'events[0].date', says: /outside the dates a computer calendar can hold/, line: 12 },
	{ name: 'impossible day, unquoted', breakIt: (t) => replaceIn(t, ARTICLE, 'date: "2021"', 'date: 2025-02-29'), file: ARTICLE, field: 'events[0].date', says: /no 29 February in 2025[\s\S]*did you mean "2025-02-28"/, line: 12 },
	{ name: 'free-text date', breakIt: (t) => replaceIn(t, ARTICLE, 'date: "2021"', 'date: "summer 2021"'), file: ARTICLE, field: 'events[0].date', says: /not written as EDTF writes it[\s\S]*write "2021-22"/ },
	{ name: 'javascript: URL', breakIt: (t) => replaceIn(t, ARTICLE, 'https://example.org/a', 'javascript:alert(1)'), file: ARTICLE, field: 'source.url', says: /http:\/\/ or https:\/\//, line: 6 },
	{ name: 'ftp URL in a citation', breakIt: (t) => replaceIn(t, ARTICLE, 'via: "officials, unnamed" }', 'via: x, url: "ftp://example.org/x" }'), file: ARTICLE, field: 'cites[0].url', says: /https?:\/\// },
	{ name: 'YAML syntax error', breakIt: (t) => replaceIn(t, ARTICLE, 'summary: The junta and Moscow.', 'summary: "The junta and Moscow.'), file: ARTICLE, field: '(frontmatter)', says: /YAML syntax error/ },
	{ name: 'bad YAML indentation', breakIt: (t) => replaceIn(t, ARTICLE, '    title: Military coup in Mali', '      title: Military coup in Mali'), file: ARTICLE, field: '(frontmatter)', says: /YAML syntax error/ },
	{ name: 'file not in UTF-8', breakIt: (t) => t.write('articles/2025-09-15-cp1251.md', Buffer.concat([Buffer.from(GOOD_ARTICLE.split('\n').slice(0, 5).join('\n') + '\n'), Buffer.from([0xd5, 0xf3, 0xed, 0xf2, 0xe0, 0x0a])])), file: 'articles/2025-09-15-cp1251.md', field: '(file)', says: /not UTF-8/, line: 6 },
	{ name: 'unknown field (typo)', breakIt: (t) => replaceIn(t, ARTICLE, 'summary:', 'sumary:'), file: ARTICLE, field: /sumary|summary/, says: /did you mean "summary"|add the field "summary"/ },
	{ name: 'unknown field in an event', breakIt: (t) => replaceIn(t, ARTICLE, '    kind: coup', '    kind: coup\n    location: Bamako'), file: ARTICLE, field: 'events[0].location', says: /unknown field "location"/ },
	{ name: 'missing title', breakIt: (t) => replaceIn(t, ARTICLE, /^title: .*\n/m, ''), file: ARTICLE, field: 'title', says: /add the field "title"/ },
	{ name: 'actor listed twice', breakIt: (t) => replaceIn(t, ARTICLE, 'actors: [mali-junta, russia]', 'actors: [mali-junta, russia, russia]'), file: ARTICLE, field: 'actors', says: /listed once/ },
	{ name: 'no actor of a principal bloc', breakIt: (t) => { t.write('actors/al-qaeda.md', ACTOR('Al-Qaeda', 'Аль-Каида')); replaceIn(t, ARTICLE, 'actors: [mali-junta, russia]', 'actors: [al-qaeda]'); }, file: ARTICLE, field: 'actors', says: /principal bloc/ },
	{ name: 'missing principal actor', breakIt: (t) => unlinkSync(join(t.content, 'actors/belarus.md')), file: 'actors/belarus.md', field: '(file)', says: /principal "belarus"/ },
	{ name: 'no frontmatter', breakIt: (t) => t.write('articles/2025-09-15-bare.md', 'Just text.\n'), file: 'articles/2025-09-15-bare.md', field: '(frontmatter)', says: /start with a line "---"/ },
	{ name: 'unclosed frontmatter', breakIt: (t) => t.write('articles/2025-09-15-open.md', '---\ntitle: x\n'), file: 'articles/2025-09-15-open.md', field: '(frontmatter)', says: /no closing "---"/ },
	{ name: 'bad language tag', breakIt: (t) => replaceIn(t, ARTICLE, 'lang: ru', 'lang: Russian'), file: ARTICLE, field: 'lang', says: /BCP 47/ },
	{ name: 'unknown bloc', breakIt: (t) => replaceIn(t, 'actors/wagner-group.md', 'bloc: russia', 'bloc: kremlin'), file: 'actors/wagner-group.md', field: 'bloc', says: /us, mali-junta, russia, belarus/ },
	{ name: 'unknown event kind', breakIt: (t) => replaceIn(t, ARTICLE, 'kind: coup', 'kind: putsch'), file: ARTICLE, field: 'events[0].kind', says: /one of: coup, deployment/ },
	{ name: 'relation ends before it starts', breakIt: (t) => replaceIn(t, ARTICLE, 'since: "2021" }', 'since: "2021", until: "2019" }'), file: ARTICLE, field: 'relations[0].until', says: /no earlier than "since"/ },
	{ name: 'one alias, two actors', breakIt: (t) => t.write('actors/moscow-city.md', ACTOR('Moscow city', 'Москва')), file: 'actors/', field: 'aliases', says: /also a name of/ },
	{ name: 'one word form, two actors', breakIt: (t) => t.write('actors/sobyanin-office.md', ACTOR('Mayor of Moscow', 'Мэр Москвы', undefined, 'forms: { ru: [Москва] }\n')), file: 'actors/sobyanin-office.md', field: 'forms', says: /"москва", which is also a name of "russia"/, line: 4 },
	{ name: 'an inflected form among the shown names', breakIt: (t) => t.write('actors/minsk.md', ACTOR('Minsk', 'Минск', undefined, 'aliases:\n  ru: [Столица, Минском]\n')), file: 'actors/minsk.md', field: 'aliases.ru[1]', says: /"Минском", a form of name\.ru "Минск"[\s\S]*move "Минском" to forms\.ru/, line: 5 },
	{ name: 'file name that is not a slug', breakIt: (t) => t.write('articles/My Article.md', GOOD_ARTICLE), file: 'articles/My Article.md', field: '(file name)', says: /rename it to "my-article.md"/ },
	{ name: 'publication date that is not a date', breakIt: (t) => replaceIn(t, ARTICLE, 'date: 2025-09-15', 'date: "15 Sept"'), file: ARTICLE, field: 'date', says: /YYYY-MM-DD/ },
	{ name: 'empty actor list', breakIt: (t) => replaceIn(t, ARTICLE, 'actors: [mali-junta, russia]', 'actors: []'), file: ARTICLE, field: 'actors', says: /at least one actor/ },
];

/** Runs the real build script against a tree, with a previous "good site" in place. */
function buildAgainst(root: string, content: string) {
	const dist = join(root, 'site');
	mkdirSync(dist, { recursive: true });
	writeFileSync(join(dist, 'index.html'), '<!doctype html><title>last good site</title>');
	const run = spawnSync(process.execPath, [join(repo, 'scripts/build.ts')], {
		cwd: repo,
		encoding: 'utf8',
		env: { ...process.env, CONTENT_DIR: content, DIST_DIR: dist },
	});
	return { ...run, dist };
}

describe('malformed content', () => {
	it('the fixture tree itself is valid', () => {
		const t = contentTree();
		const { problems, articles, actors } = checkContent(t.content, t.root);
		expect(problems).toEqual([]);
		expect(articles).toHaveLength(1);
		expect(actors.size).toBe(5);
		rmSync(t.root, { recursive: true, force: true });
	});

	it.each(cases)('$name: names the file and field, says what to fix', ({ breakIt, file, field, says, line }) => {
		const t = contentTree();
		breakIt(t);
		const { problems } = checkContent(t.content, t.root);
		const errors = problems.filter((p) => p.severity === 'error');
		expect(errors.length, formatProblems(problems)).toBeGreaterThan(0);
		const hit = errors.find((p) => p.file.includes(file) && (typeof field === 'string' ? p.field === field : field.test(p.field)));
		expect(hit, `no error for ${file} ${field} in:\n${formatProblems(problems)}`).toBeDefined();
		expect(`${hit!.found ?? ''} ${hit!.expected} ${hit!.fix ?? ''}`).toMatch(says);
		expect(hit!.expected.length).toBeGreaterThan(5);
		if (line) expect(hit!.line).toBe(line);
		rmSync(t.root, { recursive: true, force: true });
	});

	it('reports every problem of a run together', () => {
		const t = contentTree();
		for (const c of cases.slice(0, 6)) c.breakIt(t);
		const { problems } = checkContent(t.content, t.root);
		expect(problems.filter((p) => p.severity === 'error').length).toBeGreaterThanOrEqual(6);
		rmSync(t.root, { recursive: true, force: true });
	});

	it.each(cases)('$name: the build exits non-zero and keeps the last good site', ({ breakIt, file }) => {
		const t = contentTree();
		breakIt(t);
		const run = buildAgainst(t.root, t.content);
		expect(run.status, run.stdout + run.stderr).not.toBe(0);
		expect(run.stderr).toContain(file);
		expect(run.stderr).toMatch(/last good site .* is untouched/);
		expect(readFileSync(join(run.dist, 'index.html'), 'utf8')).toContain('last good site');
		expect(existsSync(`${run.dist}.building`)).toBe(false);
		rmSync(t.root, { recursive: true, force: true });
		// Two node processes (build, then its check): seconds on a shared machine, not the 5 s default.
	}, 30_000);

	it('`npm run check` prints every problem and exits non-zero', () => {
		const t = contentTree();
		cases[0].breakIt(t);
		cases[5].breakIt(t);
		const run = spawnSync(process.execPath, [join(repo, 'scripts/check.ts'), t.content], { cwd: repo, encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('did you mean "mali-junta"');
		expect(run.stderr).toContain('events[0].date');
		expect(run.stderr).toMatch(/2 errors/);
		rmSync(t.root, { recursive: true, force: true });
	}, 30_000);
});

describe('valid input in other encodings of the same text', () => {
	const variants = {
		'a byte-order mark': (s: string) => `\uFEFF${s}`,
		'CRLF line endings': (s: string) => s.replace(/\n/g, '\r\n'),
		'a BOM and CRLF': (s: string) => `\uFEFF${s.replace(/\n/g, '\r\n')}`,
	};
	it.each(Object.entries(variants))('accepts an article and an actor with %s', (_, transform) => {
		const t = contentTree();
		t.write(ARTICLE, transform(GOOD_ARTICLE));
		t.write('actors/russia.md', transform(ACTOR('Russia', 'Россия', 'russia', 'aliases: { ru: [Москва] }\n')));
		const { problems, articles, actors } = checkContent(t.content, t.root);
		expect(problems).toEqual([]);
		expect(articles[0].data.title).toBe('Хунта и Москва');
		expect(articles[0].body).toBe('Хунта в Мали сотрудничает с Москвой.\n');
		expect(actors.get('russia')!.data.aliases.ru).toEqual(['Москва']);
		rmSync(t.root, { recursive: true, force: true });
	});
});
