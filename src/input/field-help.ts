import { ACTOR_KINDS } from '../schema/actor.ts';
import { EVENT_KINDS } from '../schema/event.ts';
import { BLOCS } from '../schema/ids.ts';
import { RELATION_KINDS } from '../schema/relation.ts';

/** What a field holds, in an author's words, and one line of frontmatter that would be right. */
export interface FieldHelp {
	what: string;
	example: string;
}

const EDTF = 'an EDTF date such as 2021, 2025-07, 2023~ or 2025-09-08/2025-09-14';
const ACTOR_ID = 'an actor id: the name of a file in content/actors/ without ".md", e.g. mali-junta';

/** Keyed by field path with list indexes written as [], e.g. events[].date. */
const ARTICLE: Record<string, FieldHelp> = {
	title: { what: "a title: the headline, in the article's own language", example: 'title: "Администрация Трампа активизировала…"' },
	date: { what: 'the publication date as YYYY-MM-DD', example: 'date: 2025-09-15' },
	lang: { what: 'the language of the text as a BCP 47 tag such as ru or en', example: 'lang: ru' },
	summary: { what: 'a summary: one English paragraph on what the article reports', example: 'summary: "The US has stepped up cooperation with Mali\'s junta…"' },
	source: { what: 'where the article was published: an outlet and a link, both optional', example: 'source: { outlet: "Outlet", url: "https://…" }' },
	'source.outlet': { what: 'the name of the outlet, as text', example: 'outlet: "Outlet"' },
	'source.url': { what: 'an absolute http:// or https:// link', example: 'url: "https://example.org/article"' },
	cites: { what: 'a list of who the article says said it', example: 'cites: [{ outlet: The Washington Post, via: "officials, unnamed" }]' },
	'cites[]': { what: 'one citation: { outlet, via, url }', example: '- { outlet: The Washington Post, via: "officials, unnamed" }' },
	'cites[].outlet': { what: 'the outlet the article cites, as text', example: 'outlet: The Washington Post' },
	'cites[].via': { what: 'whom that outlet cites, as text', example: 'via: "officials, unnamed"' },
	'cites[].url': { what: 'an absolute http:// or https:// link', example: 'url: "https://example.org/report"' },
	actors: { what: 'a list of the ids of the actors the article is about (files in content/actors/)', example: 'actors: [us, mali-junta]' },
	'actors[]': { what: ACTOR_ID, example: 'actors: [us, mali-junta]' },
	events: { what: 'a list of the dated events the article reports', example: 'events: [{ date: "2025-07", title: "…", kind: visit, actors: [us] }]' },
	'events[]': { what: 'one event: { date, title, kind, actors }', example: '- { date: "2025-07", title: "…", kind: visit, actors: [us] }' },
	'events[].id': { what: 'an event id: lower-case words joined by hyphens, the same in every article that reports the event', example: 'id: 2021-mali-coup' },
	'events[].date': { what: EDTF, example: 'date: "2025-07"' },
	'events[].title': { what: 'a title: one English line', example: 'title: "Military coup in Mali"' },
	'events[].kind': { what: `one of: ${EVENT_KINDS.join(', ')}`, example: 'kind: visit' },
	'events[].actors': { what: 'a list of the ids of the actors in the event', example: 'actors: [us, mali-junta]' },
	'events[].actors[]': { what: ACTOR_ID, example: 'actors: [us, mali-junta]' },
	'events[].place': { what: 'the place, as text', example: 'place: Bamako' },
	'events[].note': { what: 'why the date is what it is, as text', example: 'note: "The article gives no date."' },
	relations: { what: 'a list of links between two actors', example: 'relations: [{ from: russia, to: mali-junta, kind: military-partnership }]' },
	'relations[]': { what: 'one relation: { from, to, kind, since, until }', example: '- { from: russia, to: mali-junta, kind: military-partnership }' },
	'relations[].from': { what: ACTOR_ID, example: 'from: russia' },
	'relations[].to': { what: ACTOR_ID, example: 'to: mali-junta' },
	'relations[].kind': { what: `one of: ${RELATION_KINDS.join(', ')}`, example: 'kind: military-partnership' },
	'relations[].since': { what: EDTF, example: 'since: "2021"' },
	'relations[].until': { what: EDTF, example: 'until: "2025-01"' },
};

const ACTOR: Record<string, FieldHelp> = {
	name: { what: 'the names in English and Russian', example: 'name: { en: Russia, ru: Россия }' },
	'name.en': { what: 'the English name, as the site shows it', example: 'en: Russia' },
	'name.ru': { what: 'the Russian name, in the nominative case', example: 'ru: Россия' },
	kind: { what: `one of: ${ACTOR_KINDS.join(', ')}`, example: 'kind: state' },
	bloc: { what: `one of the principal blocs: ${BLOCS.join(', ')} (leave the field out for independents)`, example: 'bloc: russia' },
	parent: { what: ACTOR_ID, example: 'parent: russia' },
	aliases: { what: 'other names of this actor per language, shown on its page: { en: […], ru: […] }', example: 'aliases: { en: [Moscow], ru: [Москва] }' },
	'aliases.en': { what: 'a list of other English names', example: 'en: [Moscow, Kremlin]' },
	'aliases.en[]': { what: 'a name, as text', example: 'en: [Moscow, Kremlin]' },
	'aliases.ru': { what: 'a list of other Russian names, each in the nominative case', example: 'ru: [Москва, Кремль]' },
	'aliases.ru[]': { what: 'a name, as text', example: 'ru: [Москва, Кремль]' },
	forms: {
		what: 'word forms that are not names, per language — other cases, adjectives, words standing for the actor: they find mentions and widen searches, never shown',
		example: 'forms: { ru: [Москвой, Москвы, российский] }',
	},
	'forms.en': { what: 'a list of English word forms that are not names', example: 'en: [Russian]' },
	'forms.en[]': { what: 'a word form, as text', example: 'en: [Russian]' },
	'forms.ru': { what: 'a list of Russian word forms that are not names: other cases, adjectives', example: 'ru: [Москвой, российский]' },
	'forms.ru[]': { what: 'a word form, as text', example: 'ru: [Москвой, российский]' },
	wikidata: { what: 'a Wikidata item id such as Q159', example: 'wikidata: Q159' },
};

/** The help for a field path such as ['events', 2, 'date'], if the field is one authors write. */
export function fieldHelp(collection: 'actors' | 'articles', path: readonly PropertyKey[]): FieldHelp | undefined {
	const key = path.map((k) => (typeof k === 'number' ? '[]' : `.${String(k)}`)).join('').replace(/^\./, '');
	return (collection === 'actors' ? ACTOR : ARTICLE)[key];
}
