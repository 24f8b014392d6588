// What the search index knows about actors and timeline events, built from the content model.
// Actors become Pagefind custom records (one per actor) and the timeline one small document per day,
// so each is its own search result whatever the layout of the actor and timeline pages.
import type { CustomRecord } from 'pagefind';
import type { ActorEntry, ArticleEntry } from '../schema/content.ts';
import { entryAnchor } from '../model/timeline-slices.ts';
import type { TimelineEntry } from '../model/timeline.ts';
import { matchedForms } from '../schema/actor.ts';
import { BLOC_LABELS, type Bloc } from '../schema/ids.ts';
import { ROUTES, actorPath } from '../schema/routes.ts';
import { count, isoDay, kindWords } from '../language/wording.ts';

export { LANGUAGE_LABELS, RESULT_TYPES, type ResultType } from '../schema/search.ts';

/** Every name and word form an actor goes by, in both languages, without repeats: what a reader may type. */
export function actorNames(actor: ActorEntry): string[] {
	return [...new Set(matchedForms(actor.data).map((n) => n.trim()).filter(Boolean))];
}

/** Principal blocs of the given actors (each actor's own bloc), without repeats. */
export function blocsOf(ids: readonly string[], actors: ReadonlyMap<string, ActorEntry>): Bloc[] {
	const blocs = ids.map((id) => actors.get(id)?.data.bloc).filter((b): b is Bloc => !!b);
	return [...new Set(blocs)];
}

/** Kind and bloc of an actor as a reader says it: "armed group, Russia". */
export function actorAbout(actor: ActorEntry): string {
	const bloc = actor.data.bloc ? BLOC_LABELS[actor.data.bloc].en : undefined;
	return `${kindWords(actor.data.kind)}${bloc ? `, ${bloc}` : ''}`;
}

/**
 * Custom record for an actor's page. Its text is the description (what a result shows); every name and alias
 * is the `names` metadata, which Pagefind searches but never shows as an excerpt.
 */
export function actorRecord(actor: ActorEntry, articles: readonly ArticleEntry[] = []): CustomRecord {
	const { data } = actor;
	// The articles the actor page lists (the model's index: named in the frontmatter, an event or a relation), newest first.
	const named = articles.length;
	const newest = articles[0];
	return {
		url: actorPath(actor.id),
		language: 'en',
		content: [actor.body.trim(), named ? `Named in ${count(named, 'article')}.` : ''].filter(Boolean).join('\n'),
		meta: { title: `${data.name.en} · ${data.name.ru}`, names: actorNames(actor).join(' · ') },
		// Filters, not metadata, for what is data rather than text: Pagefind searches every metadata field.
		filters: {
			type: ['actor'],
			about: [actorAbout(actor)],
			actor: [actor.id],
			...(data.bloc ? { bloc: [data.bloc] } : {}),
			language: ['en'],
		},
		// Actors sort by the date of the newest article naming them; unnamed actors sort first.
		sort: { date: newest ? isoDay(newest.data.date) : '0000' },
	};
}

/** The names file the search scripts read (/search/actor-names.json): each actor's id and every name, so a
 * query naming an actor in one language marks the sentence that names it in the other. */
export function actorNamesJson(actors: Iterable<ActorEntry>): string {
	return JSON.stringify({ actors: [...actors].map((a) => ({ id: a.id, names: actorNames(a) })) });
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Sort key of an entry: its day, or its year for vaguer dates; undated entries first. */
function sortDate(entry: TimelineEntry): string {
	return entry.datetime?.slice(0, 10) ?? (entry.year ? String(entry.year) : '0000');
}

/** One search record per day of the timeline: the entries that share a timeline page and a date label. */
export interface TimelineDay {
	/** The timeline page holding the entries, e.g. `/timeline/` or `/timeline/2025/`. */
	page: string;
	display: string;
	entries: TimelineEntry[];
}

/**
 * Groups timeline entries by page and date label, in timeline order. One record per day rather than per
 * entry keeps the index small (Pagefind loads a few bytes per record before the first result: 31,000
 * entries at 10,000 articles cost 270 KB of it), while each entry stays its own sub-result (see below).
 */
export function timelineDays(
	entries: readonly TimelineEntry[],
	href: (entry: TimelineEntry) => string = (e) => `${ROUTES.timeline}#${entryAnchor(e)}`,
): TimelineDay[] {
	const days = new Map<string, TimelineDay>();
	for (const entry of entries) {
		const page = href(entry).split('#')[0];
		const key = `${page}\u0000${entry.year}\u0000${entry.display}`;
		const day = days.get(key) ?? { page, display: entry.display, entries: [] };
		day.entries.push(entry);
		days.set(key, day);
	}
	return [...days.values()];
}

/** Pagefind filter `entry` of a day: `anchor actor,actor bloc,bloc` per entry, so results can leave out
 * entries of the day that a filter on actor or bloc does not select (see src/client/search/results.ts). */
export function encodeDayEntries(entries: readonly TimelineEntry[]): string[] {
	return entries.map((e) => `${entryAnchor(e)} ${e.actors.join(',')} ${e.blocs.join(',')}`);
}

/**
 * Weight of an entry's title in a day record (Pagefind gives an <h2> 6 by default). Timeline entries restate
 * what the articles report: at 6, a two-line record outranked the article it came from for the article's own
 * words (the relevance set in tests/e2e/search-relevance.test.ts decided this value).
 */
export const DAY_HEADING_WEIGHT = 1;

/** A day's result title in a reader's words: its one entry's title, or the first and how many more. */
export function dayTitle(day: TimelineDay): string {
	const [first, ...rest] = day.entries;
	return rest.length ? `${first.title}, and ${rest.length} more event${rest.length === 1 ? '' : 's'}` : first.title;
}

/**
 * One day of the timeline as an HTML document for Pagefind: each entry is a heading whose id is its
 * anchor on the timeline page, so Pagefind returns the matching entries as sub-results linking to
 * `page#anchor`. Type, date, filters and sort are in data-pagefind attributes, as on the site's pages.
 */
export function timelineDayRecord(day: TimelineDay, actors: ReadonlyMap<string, ActorEntry>): { url: string; content: string } {
	const { entries } = day;
	const first = entries[0];
	const title = dayTitle(day);
	// The link to the day's first entry; sub-results replace the hash with their own entry's anchor. Pagefind
	// reads these documents from files, so the link is also the `url` filter, which results use.
	const url = `${day.page}#${entryAnchor(first)}`;
	const unique = (xs: string[]) => [...new Set(xs)];
	// Each actor's English and Russian name as metadata, so "Wagner" and "Вагнер" both find the day without the
	// list becoming its excerpt; aliases stay on the actor records, which match them.
	const names = unique(entries.flatMap((e) => e.actors.flatMap((id) => { const a = actors.get(id); return a ? [a.data.name.en, a.data.name.ru] : []; })));
	// Metadata is text Pagefind searches: the heading (not `title`, whose 5x boost would count the first
	// entry's title twice beside its <h2>; no <title> either, which Pagefind would take), the date and the
	// actors' names. What is data rather than text goes in
	// filters, which Pagefind returns with each result but does not search: the link and the entries' actors.
	const hidden = [
		`<span data-pagefind-meta="heading">${escape(title)}</span>`,
		`<span data-pagefind-meta="date">${escape(entries.every((e) => e.shape === 'moment' && e.datetime?.length === 10) ? first.datetime! : day.display)}</span>`,
		...(names.length ? [`<span data-pagefind-meta="actors">${escape(names.join(' · '))}</span>`] : []),
		`<span data-pagefind-filter="url">${escape(url)}</span>`,
		...encodeDayEntries(entries).map((entry) => `<span data-pagefind-filter="entry">${escape(entry)}</span>`),
		'<span data-pagefind-filter="type">event</span>',
		'<span data-pagefind-filter="language">en</span>',
		...(first.year ? [`<span data-pagefind-filter="year">${first.year}</span>`] : []),
		...unique(entries.flatMap((e) => e.actors)).map((id) => `<span data-pagefind-filter="actor">${escape(id)}</span>`),
		...unique(entries.flatMap((e) => e.blocs)).map((bloc) => `<span data-pagefind-filter="bloc">${bloc}</span>`),
	];
	const sections = entries.map((entry) =>
		[
			`<h2 id="${escape(entryAnchor(entry))}" data-pagefind-weight="${DAY_HEADING_WEIGHT}">${escape(entry.title)}</h2>`,
			// The date is the result's `date` metadata, shown above its title; the text says where, and the note why.
			entry.place ? `<p>${escape(entry.place)}.</p>` : '',
			entry.note ? `<p>${escape(entry.note)}</p>` : '',
		].join(''),
	);
	return {
		url,
		content: `<!doctype html><html lang="en"><head></head><body><main data-pagefind-body><div hidden data-pagefind-ignore data-pagefind-sort="date:${escape(sortDate(first))}">${hidden.join('')}</div>${sections.join('')}</main></body></html>`,
	};
}
