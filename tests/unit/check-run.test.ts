// `npm run check` as an author runs it: one run reports every problem, and an untouched scaffold fails.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentTree } from '../fixtures/content-tree.ts';

const repo = resolve(import.meta.dirname, '../..');
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function npm(args: string[], env: Record<string, string> = {}) {
	return spawnSync('npm', ['run', '--silent', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env } });
}

/** One printed problem per block: "✖ error  file:line  field" and its indented lines. */
function blocks(stderr: string): string[] {
	return stderr.split(/\n(?=[✖⚠] )/).filter((b) => /^[✖⚠] /.test(b));
}

// Seven different mistakes in one article: four in its schema, three only another file can show.
const SEVEN_MISTAKES = `---
title: "Хунта и Москва"
date: 2025-09-15
lang: ru
source: { outlet: Example, url: "https://example.org/a" }
actors: [mali-junta, rusia]
events:
  - id: 2021-mali-coup
    date: "21.08.2021"
    title: Military coup in Mali
    kind: coup
    actors: [mali-junta]
  - date: "2026-01"
    title: A visit after the article was published
    kind: visit
    actors: [us, mali-junta]
    location: Bamako
relations:
  - { from: russia, to: mali-junta, kind: military-partnership, since: "2021", until: "2019" }
  - { from: russia, to: mali-junta, kind: militery-partnership }
---
Хунта в Мали сотрудничает с Москвой.
`;

describe('npm run check', { timeout: 60_000 }, () => {
	it('reports seven different mistakes of one file in one run, each with a fix', () => {
		const t = contentTree();
		roots.push(t.root);
		t.write('articles/2025-09-15-good.md', SEVEN_MISTAKES);
		const run = npm(['check', '--', t.content]);
		expect(run.status, run.stderr).toBe(1);
		const printed = blocks(run.stderr);
		const expected: [string, RegExp][] = [
			['bad date format', /:9 {2}events\[0\]\.date\n {4}found: {4}"21\.08\.2021"/],
			['missing summary', /:2 {2}summary\n {4}found: {4}\(missing\)\n {4}expected: a summary: one English paragraph/],
			['actor typo', /:6 {2}actors\[1\]\n {4}found: {4}"rusia"[\s\S]*did you mean "russia"\?/],
			['event after the article', /:13 {2}events\[1\]\.date\n[\s\S]*no later than the article's own date 2025-09-15/],
			['until before since', /:19 {2}relations\[0\]\.until\n[\s\S]*"until" no earlier than "since"/],
			['relation kind typo', /:20 {2}relations\[1\]\.kind\n {4}found: {4}"militery-partnership"[\s\S]*did you mean "military-partnership"\?/],
			['unknown field', /:17 {2}events\[1\]\.location\n {4}found: {4}unknown field "location"/],
		];
		for (const [mistake, pattern] of expected) {
			const block = printed.find((b) => pattern.test(b));
			expect(block, `${mistake} not reported in:\n${run.stderr}`).toBeDefined();
			expect(block, mistake).toContain('content/articles/2025-09-15-good.md:');
			expect(block, mistake).toMatch(/\n {4}fix: {6}\S/);
		}
		expect(printed).toHaveLength(7);
		expect(run.stderr).toContain('7 errors, 0 warnings in 1 file');
		expect(run.stdout).toMatch(/✖ checked 1 article and 5 actors in /);
	});

	it('counts every file found, valid or not, with the right plurals', () => {
		const t = contentTree();
		roots.push(t.root);
		t.write('articles/2025-09-16-broken.md', '---\ntitle: [\n---\nText.\n');
		const run = npm(['check', '--', t.content]);
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/checked 2 articles and 5 actors/);
	});

	it('refuses the untouched scaffold of `npm run new`, saying what to paste where', () => {
		const t = contentTree();
		roots.push(t.root);
		const created = npm(['new', '--', 'Хунта и Москва', '--date', '2025-09-20'], { CONTENT_DIR: t.content });
		expect(created.status, created.stderr).toBe(0);
		const file = readdirSync(join(t.content, 'articles')).find((f) => f.startsWith('2025-09-20-'));
		expect(file).toBeDefined();
		const run = npm(['check', '--', t.content]);
		expect(run.status, run.stdout + run.stderr).toBe(1);
		const printed = blocks(run.stderr).filter((b) => b.includes(file!));
		expect(printed.find((b) => /^✖ error .*:5 {2}summary\n/.test(b))).toMatch(/found: {4}the placeholder "TODO[\s\S]*fix: {6}replace the TODO text after "summary:" with your paragraph/);
		expect(printed.find((b) => /^✖ error .*:\d+ {2}\(text\)\n/.test(b))).toMatch(/found: {4}the placeholder "Paste the article text here[\s\S]*fix: {6}delete this line and paste the article's text in its place/);

		// Filled in, the same file passes: the placeholders were the only errors.
		const path = join(t.content, 'articles', file!);
		writeFileSync(
			path,
			readFileSync(path, 'utf8')
				.replace(/^summary: .*$/m, 'summary: "The junta and Moscow."')
				.replace(/^Paste the article text here.*$/m, 'Хунта в Мали сотрудничает с Москвой.'),
		);
		const fixed = npm(['check', '--', t.content]);
		expect(fixed.status, fixed.stderr).toBe(0);
		expect(fixed.stdout).toMatch(/✔ checked 2 articles and 5 actors/);
	});
});

describe('npm run build and SITE_URL', { timeout: 60_000 }, () => {
	// A broken content tree: the build stops at the check, before Astro, so these runs are quick.
	function build(env: Record<string, string | undefined>) {
		const t = contentTree();
		roots.push(t.root);
		t.write('articles/2025-09-15-good.md', SEVEN_MISTAKES);
		const { SITE_URL: _, ...rest } = process.env;
		return spawnSync(process.execPath, [join(repo, 'scripts/build.ts')], {
			cwd: repo,
			encoding: 'utf8',
			env: { ...rest, CONTENT_DIR: t.content, DIST_DIR: join(t.root, 'site'), ...env } as NodeJS.ProcessEnv,
		});
	}
	it('warns loudly when SITE_URL is unset', () => {
		expect(build({}).stderr).toMatch(/⚠ {2}SITE_URL is not set: RSS, canonical/);
	});
	it('says nothing about it when SITE_URL is set', () => {
		expect(build({ SITE_URL: 'https://news.example.com/' }).stderr).not.toContain('SITE_URL');
	});
	it('refuses a SITE_URL that is not an address', () => {
		const run = build({ SITE_URL: 'news.example.com' });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('SITE_URL must be the site\'s address');
	});
});
