import type { Bloc } from '../schema/ids.ts';
import type { EventData } from '../schema/event.ts';
import { groupByYear, type TimelineEntry } from './timeline.ts';

/**
 * Most entries one timeline page lists. An entry renders to ~1 KB of HTML (chips, sources, note), so
 * 800 keeps every page well under 1 MB; a slice with more is split into an overview and per-year pages.
 */
export const ENTRIES_PER_PAGE = 800;
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

/** Site path of a slice's first page. */
export function sliceBase(slice: TimelineSlice): string {
	if (slice.kind === 'bloc') return `/timeline/bloc/${slice.bloc}/`;
	if (slice.kind === 'actor') return `/timeline/actor/${slice.actor}/`;
	return '/timeline/';
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

/** "sanctions-relief" → "Sanctions relief". */
export function kindLabel(kind: EventData['kind']): string {
	const words = kind.replace(/-/g, ' ');
	return words[0].toUpperCase() + words.slice(1);
}

/** Whether a slice of this many entries is split into an overview and per-year pages. */
export function needsSplit(count: number, limit = ENTRIES_PER_PAGE): boolean {
	return count > limit;
}

/** Pages of one slice: a single full page when it fits, otherwise an overview plus year pages of at most `limit` entries each. */
export function planSlice(
	slice: TimelineSlice,
	entries: TimelineEntry[],
	{ limit = ENTRIES_PER_PAGE, recent = RECENT_ON_OVERVIEW }: { limit?: number; recent?: number } = {},
): TimelinePage[] {
	const base = sliceBase(slice);
	const groups = groupByYear(entries);
	const split = needsSplit(entries.length, limit);
	const years: TimelineYearLink[] = groups.map((g) => ({
		year: g.year,
		count: g.entries.length,
		href: split ? `${base}${yearSlug(g.year)}/` : `${base}#${yearAnchor(g.year)}`,
		parts: split ? Math.ceil(g.entries.length / limit) : 0,
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
				entries: group.entries.slice((part - 1) * limit, part * limit),
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
