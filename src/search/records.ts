// What the search index knows about actors and timeline events, built from the content model.
// Actors and events become Pagefind custom records (one per actor, one per timeline entry), so each
// is its own search result whatever the layout of the actor and timeline pages.
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

/** The names of the actors an article or event names, as one indexable line. */
export function namesLine(ids: readonly string[], actors: ReadonlyMap<string, ActorEntry>): string {
	return ids.flatMap((id) => (actors.has(id) ? actorNames(actors.get(id)!) : [])).join(' · ');
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

/** Custom record for one timeline entry, linking to its place on /timeline/. */
export function eventRecord(
	entry: TimelineEntry,
	actors: ReadonlyMap<string, ActorEntry>,
	/** Where the entry lives on the (possibly split) timeline. */
	href: (entry: TimelineEntry) => string = (e) => `/timeline/#${entryAnchor(e)}`,
): CustomRecord {
	const sortDate = entry.datetime?.slice(0, 10) ?? (entry.year ? String(entry.year) : '0000');
	return {
		url: href(entry),
		language: 'en',
		content: [
			`${entry.title}.`,
			[entry.display, entry.place].filter(Boolean).join(', '),
			entry.note ?? '',
			namesLine(entry.actors, actors),
			entry.sources.map((s) => s.title).join(' · '),
		]
			.filter(Boolean)
			.join('\n'),
		meta: { title: entry.title, type: RESULT_TYPES.event, date: entry.display },
		filters: {
			type: ['event'],
			actor: entry.actors,
			bloc: entry.blocs,
			...(entry.year ? { year: [String(entry.year)] } : {}),
			language: ['en'],
		},
		sort: { date: sortDate },
	};
}
