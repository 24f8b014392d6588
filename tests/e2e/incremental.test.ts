// The incremental build copies a page from the last build when its cache key is unchanged. These builds
// of a copy of the real content prove both halves: unchanged pages are copied, and a change to anything a
// page shows (the article's own text, an actor's name) renders it again instead of serving a stale copy.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { deserialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const ARTICLE = 'articles/2025-09-15-us-mali-junta.md';
const ARTICLE_PAGE = 'articles/2025-09-15-us-mali-junta/index.html';
const WAGNER_TIMELINE = 'timeline/actor/wagner-group/index.html';
const BELAVIA_TIMELINE = 'timeline/actor/belavia/index.html';
const BELAVIA_PAGE = 'actors/belavia/index.html';

let work: string;
const content = () => join(work, 'content');
const site = (file: string) => readFileSync(join(work, 'site', file), 'utf8');

/** Runs the real build script on the copy; returns which pages it copied from the last build. */
function build(): Set<string> {
	const run = spawnSync(process.execPath, ['scripts/build.ts'], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, CONTENT_DIR: content(), DIST_DIR: join(work, 'site'), ASTRO_CACHE_DIR: join(work, 'cache') },
	});
	expect(run.status, run.stdout.slice(-2000) + run.stderr.slice(-2000)).toBe(0);
	return new Set([...stripVTControlCharacters(run.stdout).matchAll(/\/(\S+\.html) \((?:restored|cached)\)/g)].map((m) => m[1]));
}

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'incremental-'));
	cpSync(join(root, 'content'), content(), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('incremental build', () => {
	it('a cold build renders every page', () => {
		expect(build().size).toBe(0);
	}, 120_000);

	it('after an edit to one article, its page shows the edit and pages it does not change are copied', () => {
		appendFileSync(join(content(), ARTICLE), '\nАбзац, добавленный для проверки пересборки.\n');
		const copied = build();
		expect(site(ARTICLE_PAGE)).toContain('Абзац, добавленный для проверки пересборки.');
		expect(copied).not.toContain(ARTICLE_PAGE);
		expect(copied).toContain(WAGNER_TIMELINE);
		expect(copied).toContain(BELAVIA_TIMELINE);
	}, 120_000);

	it('after an actor is renamed, the article and timeline pages show the new name', () => {
		const file = join(content(), 'actors/wagner-group.md');
		writeFileSync(file, readFileSync(file, 'utf8').replace('en: Wagner Group,', 'en: Wagner PMC Renamed,'));
		const copied = build();
		expect(copied).not.toContain(ARTICLE_PAGE);
		expect(copied).not.toContain(WAGNER_TIMELINE);
		expect(site(ARTICLE_PAGE)).toContain('Wagner PMC Renamed');
		expect(site(WAGNER_TIMELINE)).toContain('Wagner PMC Renamed');
		expect(site(ARTICLE_PAGE)).not.toMatch(/>Wagner Group</);
	}, 120_000);

	it("an actor page quotes the article's sentence as edited, never a kept quote of the old text", () => {
		const file = join(content(), ARTICLE);
		writeFileSync(file, readFileSync(file, 'utf8').replace('после освобождения Минском десятков', 'после того как Минск освободил десятки'));
		build();
		expect(site(BELAVIA_PAGE)).toContain('» после того как Минск освободил десятки политзаключенных.</blockquote>');
		expect(site(BELAVIA_PAGE)).not.toContain('освобождения Минском');
	}, 120_000);

	it('a build that reuses every rendering quotes the same sentences, from the quotes the last build kept', () => {
		const before = site(BELAVIA_PAGE);
		build();
		expect(site(BELAVIA_PAGE)).toBe(before);
		// Kept beside the content store, by the digest of what was rendered: this article's quotes, as edited.
		const kept = deserialize(readFileSync(join(work, 'cache', 'mention-quotes.v8'))) as { quotes: Map<string, Map<string, { after: string }>> };
		expect([...kept.quotes.values()].map((quotes) => quotes.get('belavia')?.after)).toEqual(['» после того как Минск освободил десятки политзаключенных.']);
	}, 120_000);
});
