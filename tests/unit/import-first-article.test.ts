// The "Done when" of `npm run import` (issue 13): on the first article's source text alone, with its date,
// the draft must find the hand-written frontmatter's actors, events and cited outlet. Prints precision and recall.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { ArticleSource } from '../../src/schema/content.ts';
import { readActors, validateFile } from '../../src/input/check.ts';
import { buildDraft, splitSource } from '../../src/input/import/draft.ts';
import { buildMentionMatcher } from '../../src/language/mentions.ts';
import { ArticleSchema } from '../../src/schema/article.ts';
import { parseEdtf } from '../../src/schema/edtf.ts';
import { BLOCS } from '../../src/schema/ids.ts';

const repo = resolve(import.meta.dirname, '../..');
const source = readFileSync(resolve(repo, 'sources/2025-09-15-us-mali-junta.ru.txt'), 'utf8');
const published = new Date('2025-09-15T00:00:00Z');
const publishedEnd = published.getTime() + 86_400_000 - 1;

const hand = validateFile('articles', resolve(repo, 'content/articles/2025-09-15-us-mali-junta.md'), repo).entry as ArticleSource;
const { text } = splitSource(source);
const draft = buildDraft({ text, published, lang: 'ru', matcher: buildMentionMatcher(readActors(resolve(repo, 'content'), repo)) });
// The draft as the check reads it: the file's YAML through the article schema.
const frontmatter = draft.markdown.slice(4, draft.markdown.indexOf('\n---\n', 4));
const parsed = ArticleSchema.safeParse(yaml.load(frontmatter));

/** Earliest and latest instant of an EDTF date; open ends are unbounded. */
function bounds(value: string): [number, number] {
	const b = parseEdtf(value);
	if (typeof b === 'string') throw new Error(b);
	return [b.earliest ?? -Infinity, b.latest ?? Infinity];
}

/**
 * Whether a draft date contains a hand-coded one, by bounds (so a set and an interval with the same
 * bounds compare alike). Nothing happens after publication, so the hand-coded bounds are read up to it:
 * `2021/2025-09` means "by the article of 2025-09-15".
 */
function contains(outer: string, inner: string): boolean {
	const [a, b] = bounds(outer);
	const [c, d] = bounds(inner);
	return a <= c && b >= Math.min(d, publishedEnd);
}

const principals = new Set<string>(BLOCS);

/**
 * Whether a draft event proposes a hand-coded one: its date contains the hand-coded date and it names an actor
 * of that event other than the four principals (which nearly every sentence names), if the event has one.
 */
function proposes(d: Dated, h: Dated): boolean {
	const specific = h.actors.filter((id) => !principals.has(id));
	const needed = specific.length ? specific : h.actors;
	return contains(d.date, h.date) && d.actors.some((id) => needed.includes(id));
}

type Dated = { date: string; actors: string[] };
/** How close a draft event is to a hand-coded one: shared actors other than the principals first, then all shared. */
const shared = (d: Dated, h: Dated) => {
	const common = d.actors.filter((id) => h.actors.includes(id));
	return common.filter((id) => !principals.has(id)).length * 100 + common.length;
};

/**
 * One draft event per hand-coded event at most: maximum bipartite matching (augmenting paths), trying for each
 * hand-coded event the draft events closest to it first, so the pairs printed are the natural ones.
 */
function match(hs: Dated[], ds: Dated[], ok: (d: Dated, h: Dated) => boolean): Map<number, number> {
	const owner = new Map<number, number>(); // draft index → hand index
	const tryAssign = (h: number, seen: Set<number>): boolean => {
		const order = ds.map((_, d) => d).sort((a, b) => shared(ds[b]!, hs[h]!) - shared(ds[a]!, hs[h]!));
		for (const d of order) {
			if (seen.has(d) || !ok(ds[d]!, hs[h]!)) continue;
			seen.add(d);
			if (!owner.has(d) || tryAssign(owner.get(d)!, seen)) {
				owner.set(d, h);
				return true;
			}
		}
		return false;
	};
	hs.forEach((_, h) => tryAssign(h, new Set()));
	return new Map([...owner].map(([d, h]) => [h, d]));
}

describe('npm run import on the first article (issue 13, "Done when")', () => {
	it('writes a draft the article schema accepts, marked draft: true, with the text unchanged', () => {
		expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
		expect(parsed.data!.draft).toBe(true);
		expect(draft.markdown.slice(draft.markdown.indexOf('\n---\n', 4) + 5)).toBe(hand.body);
	});

	it('lists at least 22 of the 24 hand-listed actors with at most 2 extra', () => {
		const listed = new Set(hand.data.actors);
		const found = parsed.data!.actors;
		const hits = found.filter((id) => listed.has(id));
		const extra = found.filter((id) => !listed.has(id));
		const missed = hand.data.actors.filter((id) => !found.includes(id));
		console.log(
			`import actors: ${hits.length}/${listed.size} found, ${extra.length} extra; precision ${(hits.length / found.length).toFixed(3)}, recall ${(hits.length / listed.size).toFixed(3)}` +
				(missed.length ? `; missed ${missed.join(', ')}` : '') +
				(extra.length ? `; extra ${extra.join(', ')}` : ''),
		);
		// 24 since Mali, the state the text names, has its own actor apart from the junta.
		expect(listed.size).toBe(24);
		expect(hits.length).toBeGreaterThanOrEqual(22);
		expect(extra.length).toBeLessThanOrEqual(2);
	});

	it('proposes at least 8 of the 10 hand-coded events with dates equal to or containing theirs', () => {
		const handEvents = hand.data.events;
		const draftEvents = parsed.data!.events;
		const matched = match(handEvents, draftEvents, proposes);
		const lines = handEvents.map((h, i) => {
			const d = matched.get(i);
			return `  ${matched.has(i) ? '✓' : '✗'} ${h.id} ${h.date}${d === undefined ? '' : ` ⊆ draft[${d}] ${draftEvents[d]!.date} [${draftEvents[d]!.actors.join(', ')}]`}`;
		});
		console.log(
			`import events: ${matched.size}/${handEvents.length} proposed by ${draftEvents.length} draft events; precision ${(matched.size / draftEvents.length).toFixed(3)}, recall ${(matched.size / handEvents.length).toFixed(3)}\n${lines.join('\n')}`,
		);
		expect(handEvents).toHaveLength(10);
		expect(matched.size).toBeGreaterThanOrEqual(8);
		// Every draft date is one the check accepts and none is after the article.
		for (const event of draftEvents) expect(bounds(event.date)[0]).toBeLessThanOrEqual(publishedEnd);
	});

	it('names The Washington Post as a cited outlet', () => {
		const outlets = parsed.data!.cites.map((cite) => cite.outlet);
		console.log(`import cites: ${outlets.join(', ')} (hand-written: ${hand.data.cites.map((c) => c.outlet).join(', ')})`);
		expect(outlets).toContain('The Washington Post');
	});

	it('leaves the titles and the summary to the author', () => {
		expect(parsed.data!.summary).toMatch(/^TODO/);
		expect(parsed.data!.events.every((event) => /^TODO/.test(event.title))).toBe(true);
		expect(parsed.data!.events.every((event) => event.note && text.includes(event.note))).toBe(true);
	});
});
