import type { Bloc } from '../schema/ids.ts';
import { groupByYear, type TimelineEntry } from './timeline.ts';
import { ROUTES, timelinePath } from '../schema/routes.ts';

/** Most entries one timeline page lists, however small they are. */
export const ENTRIES_PER_PAGE = 1000;
/**
 * Estimated HTML budget for the entries of one page (estimates run ~30% over the real size: 750 KB gave pages of at most
 * 545 KB with 10,000 articles). An entry weighs ~1–3 KB (chips, one line per reporting article), and the
 * page around them (header, filter bar, strip) well under 100 KB, so pages stay under 1 MB. A slice over budget is
 * split into an overview and per-year pages.
 */
export const PAGE_BUDGET_BYTES = 900_000;
/** Entries an overview shows under "Latest events" when the slice is split. */
export const RECENT_ON_OVERVIEW = 40;

/** Which entries a timeline page is about: all of them, one bloc's, or one actor's. */
export type TimelineSlice = { kind: 'all' } | { kind: 'bloc'; bloc: Bloc } | { kind: 'actor'; actor: string };

/** A year of a slice, as the jump list, the strip and the year table link to it. */
export interface TimelineYearLink {
	year: number | null;
	count: number;
	/** The year's section on the slice page, or its first year page when the slice is split. */
	href: string;
	/** Year pages when split (1 when the year fits on one); 0 when not split. */
	parts: number;
}

/** One page to render: where it lives and what it lists. */
export interface TimelinePage {
	/** Site path with trailing slash, e.g. /timeline/, /timeline/2024/2/, /timeline/bloc/russia/. */
	path: string;
	slice: TimelineSlice;
	/** full: every entry of the slice; overview: counts and latest entries of a split slice; year: one year (or part of one). */
	kind: 'full' | 'overview' | 'year';
	year?: number | null;
	/** 1-based part of the year, and how many parts it has. */
	part?: number;
	parts?: number;
	/** Entries listed on this page, oldest first. */
	entries: TimelineEntry[];
	/** Every entry of the slice, oldest first (the strip draws them all). */
	sliceEntries: TimelineEntry[];
	/** Entries in the whole slice. */
	total: number;
	years: TimelineYearLink[];
	prev?: { href: string; label: string };
	next?: { href: string; label: string };
}

/** Path segment of a year: 2024, or "undated" for entries with no known year. */
export function yearSlug(year: number | null): string {
	return year === null ? 'undated' : String(year);
}

/** id of a year's section; the target of the year jump list and of the strip's bars. */
export function yearAnchor(year: number | null): string {
	return `year-${yearSlug(year)}`;
}

export function yearHeading(year: number | null): string {
	return year === null ? 'Undated' : year < 1 ? `${1 - year} BCE` : String(year);
}

/** id of an entry's <li>: other pages link to /timeline/#event-<id> (or #<key> for events without an id). */
export function entryAnchor(entry: Pick<TimelineEntry, 'id' | 'key'>): string {
	return entry.id ? `event-${entry.id}` : entry.key;
}

/** UTF-8 length without encoding: Cyrillic titles weigh two bytes a letter. */
function utf8Length(text: string): number {
	let bytes = text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code > 0x7f) bytes += code > 0x7ff && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
	}
	return bytes;
}

/** An upper estimate of an entry's HTML in TimelineList (markup measured on built pages, text counted in UTF-8). */
export function estimateEntryBytes(entry: TimelineEntry): number {
	const text = utf8Length(entry.title) + utf8Length(entry.note ?? '') + utf8Length(entry.place ?? '') + utf8Length(entry.key) + entry.actors.join(' ').length;
	const sources = entry.sources.reduce(
		(sum, s) => sum + 200 + utf8Length(s.title) + s.slug.length + utf8Length(s.outlet ?? '') + s.cites.reduce((n, c) => n + 24 + utf8Length(c.outlet) + utf8Length(c.via ?? ''), 0),
		0,
	);
	return 600 + text + entry.actors.length * 140 + sources;
}

/** Splits entries into consecutive pages within the byte budget and the entry limit; never an empty page. */
export function chunkByBudget(entries: TimelineEntry[], { limit = ENTRIES_PER_PAGE, budget = PAGE_BUDGET_BYTES } = {}): TimelineEntry[][] {
	const chunks: TimelineEntry[][] = [];
	let current: TimelineEntry[] = [];
	let size = 0;
	for (const entry of entries) {
		const bytes = estimateEntryBytes(entry);
		if (current.length && (current.length >= limit || size + bytes > budget)) {
			chunks.push(current);
			current = [];
			size = 0;
		}
		current.push(entry);
		size += bytes;
	}
	if (current.length) chunks.push(current);
	return chunks;
}

/** Whether a slice is split into an overview and per-year pages: when its entries exceed one page's limit or budget. */
export function needsSplit(entries: TimelineEntry[], options: { limit?: number; budget?: number } = {}): boolean {
	return chunkByBudget(entries, options).length > 1;
}

/** Pages of one slice: a single full page when it fits, otherwise an overview plus year pages of at most `limit` entries each. */
export function planSlice(
	slice: TimelineSlice,
	entries: TimelineEntry[],
	{ limit = ENTRIES_PER_PAGE, budget = PAGE_BUDGET_BYTES, recent = RECENT_ON_OVERVIEW }: { limit?: number; budget?: number; recent?: number } = {},
): TimelinePage[] {
	const base = timelinePath(slice);
	const groups = groupByYear(entries);
	const split = needsSplit(entries, { limit, budget });
	const chunks = groups.map((g) => (split ? chunkByBudget(g.entries, { limit, budget }) : [g.entries]));
	const years: TimelineYearLink[] = groups.map((g, i) => ({
		year: g.year,
		count: g.entries.length,
		href: split ? `${base}${yearSlug(g.year)}/` : `${base}#${yearAnchor(g.year)}`,
		parts: split ? chunks[i].length : 0,
	}));
	if (!split) return [{ path: base, slice, kind: 'full', entries, sliceEntries: entries, total: entries.length, years }];

	const pages: TimelinePage[] = [{ path: base, slice, kind: 'overview', entries: entries.slice(-recent), sliceEntries: entries, total: entries.length, years }];
	const yearPages: TimelinePage[] = [];
	for (const [i, group] of groups.entries()) {
		const parts = years[i].parts;
		for (let part = 1; part <= parts; part++) {
			yearPages.push({
				path: part === 1 ? years[i].href : `${years[i].href}${part}/`,
				slice,
				kind: 'year',
				year: group.year,
				part,
				parts,
				entries: chunks[i][part - 1],
				sliceEntries: entries,
				total: entries.length,
				years,
			});
		}
	}
	// Previous / next run through every year page of the slice, so a reader can page through it all.
	const label = (p: TimelinePage) => `${yearHeading(p.year ?? null)}${(p.parts ?? 1) > 1 ? `, part ${p.part} of ${p.parts}` : ''}`;
	yearPages.forEach((page, i) => {
		const before = yearPages[i - 1];
		const after = yearPages[i + 1];
		if (before) page.prev = { href: before.path, label: label(before) };
		if (after) page.next = { href: after.path, label: label(after) };
	});
	return [...pages, ...yearPages];
}

/**
 * Where each entry of the whole timeline lives once it is split: `/timeline/` or the year page that holds
 * it, plus its anchor. Every link to an event (article pages, home, search records) goes through this.
 */
export function entryHrefs(allPages: TimelinePage[]): (entry: Pick<TimelineEntry, 'id' | 'key'>) => string {
	const pageOf = new Map<string, string>();
	for (const page of allPages) if (page.slice.kind === 'all' && page.kind !== 'overview') for (const e of page.entries) pageOf.set(e.key, page.path);
	return (entry) => `${pageOf.get(entry.key) ?? ROUTES.timeline}#${entryAnchor(entry)}`;
}
