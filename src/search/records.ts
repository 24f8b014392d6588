// What the search index knows about actors and timeline events, built from the content model.
// Actors become Pagefind custom records (one per actor) and the timeline one small document per day,
// so each is its own search result whatever the layout of the actor and timeline pages.
import type { CustomRecord } from 'pagefind';
import type { ActorEntry, ArticleEntry } from '../content/check.ts';
import { entryAnchor } from '../model/timeline-pages.ts';
import type { TimelineEntry } from '../model/timeline.ts';
import { BLOC_LABELS, type Bloc } from '../schema/ids.ts';
import { isoDay } from '../site/config.ts';

/** Result types, as the `type` filter stores them; labels for people. */
export const RESULT_TYPES = { article: 'Article', actor: 'Actor', event: 'Event' } as const;
export type ResultType = keyof typeof RESULT_TYPES;

export const LANGUAGE_LABELS: Record<string, string> = { ru: 'Russian', en: 'English' };

/** Every name an actor goes by, in both languages, without repeats: what a reader may type. */
export function actorNames(actor: ActorEntry): string[] {
	const { name, aliases } = actor.data;
	const names = [name.en, name.ru, ...aliases.en, ...aliases.ru];
	return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

/** Principal blocs of the given actors (each actor's own bloc), without repeats. */
export function blocsOf(ids: readonly string[], actors: ReadonlyMap<string, ActorEntry>): Bloc[] {
	const blocs = ids.map((id) => actors.get(id)?.data.bloc).filter((b): b is Bloc => !!b);
	return [...new Set(blocs)];
}

/** Custom record for an actor's page: all names and aliases first, then kind, bloc and description. */
export function actorRecord(actor: ActorEntry, articles: readonly ArticleEntry[] = []): CustomRecord {
	const { data } = actor;
	const bloc = data.bloc ? BLOC_LABELS[data.bloc] : undefined;
	const named = articles.filter((a) => a.data.actors.includes(actor.id)).length;
	const newest = articles.find((a) => a.data.actors.includes(actor.id));
	return {
		url: `/actors/${actor.id}/`,
		language: 'en',
		content: [
			actorNames(actor).join(' · '),
			`${data.kind.replace('-', ' ')}${bloc ? `, ${bloc.en} (${bloc.ru})` : ''}.`,
			actor.body.trim(),
			named ? `Named in ${named} article${named === 1 ? '' : 's'}.` : '',
		]
			.filter(Boolean)
			.join('\n'),
		meta: { title: `${data.name.en} · ${data.name.ru}`, type: RESULT_TYPES.actor },
		filters: {
			type: ['actor'],
			actor: [actor.id],
			...(data.bloc ? { bloc: [data.bloc] } : {}),
			language: ['en'],
		},
		// Actors sort by the date of the newest article naming them; unnamed actors sort first.
		sort: { date: newest ? isoDay(newest.data.date) : '0000' },
	};
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
	href: (entry: TimelineEntry) => string = (e) => `/timeline/#${entryAnchor(e)}`,
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

/** Pagefind meta `events`: `anchor actor,actor bloc,bloc` per entry, `;`-separated, so results can
 * leave out entries of the day that a filter on actor or bloc does not select. */
export function encodeDayEntries(entries: readonly TimelineEntry[]): string {
	return entries.map((e) => `${entryAnchor(e)} ${e.actors.join(',')} ${e.blocs.join(',')}`).join(';');
}

/**
 * One day of the timeline as an HTML document for Pagefind: each entry is a heading whose id is its
 * anchor on the timeline page, so Pagefind returns the matching entries as sub-results linking to
 * `page#anchor`. Type, date, filters and sort are in data-pagefind attributes, as on the site's pages.
 */
export function timelineDayRecord(day: TimelineDay, actors: ReadonlyMap<string, ActorEntry>): { url: string; content: string } {
	const { entries } = day;
	const first = entries[0];
	const title = entries.length === 1 ? first.title : `${entries.length} timeline entries, ${day.display}`;
	// The link to the day's first entry; sub-results replace the hash with their own entry's anchor. Pagefind
	// reads these documents from files, so the link is also the `url` meta, which results use.
	const url = `${day.page}#${entryAnchor(first)}`;
	const unique = (xs: string[]) => [...new Set(xs)];
	const hidden = [
		`<span data-pagefind-meta="url">${escape(url)}</span>`,
		`<span data-pagefind-meta="title">${escape(title)}</span>`,
		`<span data-pagefind-meta="type">${RESULT_TYPES.event}</span>`,
		// A day only when every entry is a moment known to that day; otherwise the date as known ("between 8 and 14 Sep 2025").
		`<span data-pagefind-meta="date">${escape(entries.every((e) => e.shape === 'moment' && e.datetime?.length === 10) ? first.datetime! : day.display)}</span>`,
		`<span data-pagefind-meta="events">${escape(encodeDayEntries(entries))}</span>`,
		'<span data-pagefind-filter="type">event</span>',
		'<span data-pagefind-filter="language">en</span>',
		...(first.year ? [`<span data-pagefind-filter="year">${first.year}</span>`] : []),
		...unique(entries.flatMap((e) => e.actors)).map((id) => `<span data-pagefind-filter="actor">${escape(id)}</span>`),
		...unique(entries.flatMap((e) => e.blocs)).map((bloc) => `<span data-pagefind-filter="bloc">${bloc}</span>`),
	];
	const sections = entries.map((entry) =>
		[
			`<h2 id="${escape(entryAnchor(entry))}">${escape(entry.title)}</h2>`,
			`<p>${escape([entry.display, entry.place].filter(Boolean).join(', '))}</p>`,
			entry.note ? `<p>${escape(entry.note)}</p>` : '',
			// Each actor's English and Russian name, so "Wagner" and "Вагнер" both find the entry; aliases stay
			// on the actor records and the reporting articles' titles on the article records, which match them.
			`<p>${escape(entry.actors.flatMap((id) => { const a = actors.get(id); return a ? [a.data.name.en, a.data.name.ru] : []; }).join(' · '))}</p>`,
		].join(''),
	);
	return {
		url,
		content: `<!doctype html><html lang="en"><head><title>${escape(title)}</title></head><body><main data-pagefind-body><div hidden data-pagefind-ignore data-pagefind-sort="date:${escape(sortDate(first))}">${hidden.join('')}</div>${sections.join('')}</main></body></html>`,
	};
}
