import type { ActorEntry, ArticleEntry } from '../schema/content.ts';
import type { EdtfBounds } from '../schema/edtf.ts';
import type { EventData } from '../schema/event.ts';
import { BLOCS, type Bloc } from '../schema/ids.ts';
import { boundsOf, compareChronologically, formatBounds, htmlDatetime, isoDay, knownMonth, spansYears, yearOf } from './dates.ts';
import { histogram, type MonthCount, type StripItem } from './timeline-strip.ts';

export type { MonthCount } from './timeline-strip.ts';

/** An article that reports a timeline event, and whom it attributes the report to. */
export interface EventSource {
	slug: string;
	title: string;
	/** Publication date, YYYY-MM-DD. */
	date: string;
	lang: string;
	outlet?: string;
	cites: ArticleEntry['data']['cites'];
}

/** One dated event on the timeline: every article reporting the same event id merged into one entry. */
export interface TimelineEntry {
	/** Unique and stable: the event id, or `<article-slug>--<index>` for events without one. */
	key: string;
	id?: string;
	edtf: string;
	bounds: EdtfBounds;
	/** English label at the date's own precision, e.g. "8–14 Sep 2025" (lasted) or "between 8 and 14 Sep 2025" (one moment). */
	display: string;
	/** An interval lasted from one date to another; a moment happened once, at a time known within the bounds. */
	shape: 'interval' | 'moment';
	/** A moment whose possible dates run past the year it is listed under (e.g. "between 2021 and Sep 2025"). */
	spansYears: boolean;
	/** The date is the site's inference, not the article's statement (the note says from what). */
	inferred: boolean;
	/** Where the overview strip draws it. */
	strip: StripItem;
	/** Order of first report (oldest article first, then its events in order): breaks ties between equally dated entries, so two events the article dates alike keep the order it tells them in. */
	seq: number;
	/** `<time datetime>` value; null only for dates HTML cannot express. */
	datetime: string | null;
	/** Year the entry is grouped under; null when the date has no known end at all. */
	year: number | null;
	title: string;
	kind: EventData['kind'];
	place?: string;
	note?: string;
	actors: string[];
	blocs: Bloc[];
	/** Reporting articles, oldest first. */
	sources: EventSource[];
}

/** Entries of one year, for the grouped timeline. */
export interface TimelineYear {
	year: number | null;
	entries: TimelineEntry[];
}

/** What the timeline keeps of an article that reports an event. */
export function sourceOf(article: ArticleEntry): EventSource {
	const { data } = article;
	return {
		slug: article.id,
		title: data.title,
		date: isoDay(data.date.getTime()) ?? '',
		lang: data.lang,
		...(data.source?.outlet ? { outlet: data.source.outlet } : {}),
		cites: data.cites,
	};
}

function blocsOf(actorIds: string[], actors: Map<string, ActorEntry>): Bloc[] {
	const found = new Set(actorIds.map((id) => actors.get(id)?.data.bloc).filter((b): b is Bloc => b !== undefined));
	return BLOCS.filter((bloc) => found.has(bloc));
}

/** An event's timeline key: its id, or `<article-slug>--<index>` for an event only its article reports. */
export function eventKey(articleId: string, event: { id?: string }, index: number): string {
	return event.id ?? `${articleId}--${index}`;
}

/** Merges every article's events into one timeline, oldest first; the same event id in several articles becomes one entry. */
export function buildTimeline(articles: ArticleEntry[], actors?: Map<string, ActorEntry>): TimelineEntry[] {
	// Oldest article first, so an entry's title, kind and place come from the first report and adding articles never changes them.
	const ordered = [...articles].sort((a, b) => a.data.date.getTime() - b.data.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const byKey = new Map<string, TimelineEntry>();
	for (const article of ordered) {
		const source = sourceOf(article);
		article.data.events.forEach((event, index) => {
			const key = eventKey(article.id, event, index);
			const known = byKey.get(key);
			if (known) {
				// Dates agree: checkContent refuses one id with two dates.
				if (!known.sources.some((s) => s.slug === source.slug)) known.sources.push(source);
				for (const actor of event.actors) if (!known.actors.includes(actor)) known.actors.push(actor);
				known.place ??= event.place;
				known.note ??= event.note || undefined;
				return;
			}
			const bounds = boundsOf(event.date);
			byKey.set(key, {
				key,
				...(event.id ? { id: event.id } : {}),
				edtf: event.date,
				bounds,
				display: formatBounds(bounds),
				shape: bounds.interval ? 'interval' : 'moment',
				spansYears: spansYears(bounds),
				inferred: event.inferred === true,
				strip: stripItem(bounds),
				seq: byKey.size,
				datetime: htmlDatetime(event.date),
				year: yearOf(bounds),
				title: event.title,
				kind: event.kind,
				place: event.place,
				note: event.note || undefined,
				actors: [...new Set(event.actors)],
				blocs: [],
				sources: [source],
			});
		});
	}
	const entries = [...byKey.values()];
	for (const entry of entries) {
		if (entry.place === undefined) delete entry.place;
		if (entry.note === undefined) delete entry.note;
		entry.blocs = actors ? blocsOf(entry.actors, actors) : [];
	}
	return entries.sort(compareChronologically);
}

/** Groups timeline entries by year, oldest year first; entries of no known year come last. */
export function groupByYear(entries: TimelineEntry[]): TimelineYear[] {
	const groups = new Map<number | null, TimelineEntry[]>();
	for (const entry of entries) {
		const group = groups.get(entry.year);
		if (group) group.push(entry);
		else groups.set(entry.year, [entry]);
	}
	return [...groups.entries()]
		.sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
		.map(([year, list]) => ({ year, entries: list }));
}

/** Entries involving an actor and/or an actor of a bloc; no criteria keeps everything. */
export function filterTimeline(entries: TimelineEntry[], by: { actor?: string; bloc?: Bloc }): TimelineEntry[] {
	return entries.filter((e) => (!by.actor || e.actors.includes(by.actor)) && (!by.bloc || e.blocs.includes(by.bloc)));
}

function monthIndex(ms: number): number {
	const date = new Date(ms);
	return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** Where the strip draws a date: a moment known to the month in its month; a vaguer moment across the months it may fall in; an interval across the months it lasted. */
export function stripItem(bounds: EdtfBounds): StripItem {
	const month = knownMonth(bounds);
	if (month !== null) return { kind: 'month', month };
	const from = bounds.earliest === null ? null : monthIndex(bounds.earliest);
	const to = bounds.latest === null ? null : monthIndex(bounds.latest);
	return { kind: bounds.interval ? 'lasting' : 'maybe', from, to };
}

/** Events per month over every month of the span: bars count only moments known to the month, never a vague event in its earliest month. */
export function monthHistogram(entries: TimelineEntry[]): MonthCount[] {
	return histogram(entries.map((e) => e.strip));
}
