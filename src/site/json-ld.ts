// Structured data (schema.org JSON-LD) of each kind of page: what search engines and link previews read.
// Pages pass what they render; Base.astro writes it with jsonForScript (src/site/json-in-html.ts).
import type { ActorEntry, ArticleEntry } from '../schema/content.ts';
import { actorPath } from '../schema/routes.ts';
import { isoDay } from '../language/wording.ts';
import { SITE } from './config.ts';

type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';
const WEBSITE = { '@type': 'WebSite', name: SITE.name } as const;

/** The home page: the site itself. */
export function websiteJsonLd(site: URL | undefined): JsonLd {
	return { '@context': CONTEXT, '@type': 'WebSite', name: SITE.name, description: SITE.description, url: site?.href };
}

/** A list page (the timeline and its slices). */
export function collectionJsonLd(name: string, description: string): JsonLd {
	return { '@context': CONTEXT, '@type': 'CollectionPage', name, description, isPartOf: WEBSITE };
}

/** An article page: the article as reported, with its source, its citations and the actors it names. */
export function articleJsonLd({ data }: ArticleEntry, actors: ReadonlyMap<string, ActorEntry>, canonical: string, site: URL | undefined): JsonLd {
	return {
		'@context': CONTEXT,
		'@type': 'NewsArticle',
		headline: data.title,
		description: data.summary,
		datePublished: isoDay(data.date),
		inLanguage: data.lang,
		url: canonical,
		mainEntityOfPage: canonical,
		...(data.source?.url ? { isBasedOn: data.source.url } : {}),
		...(data.source?.outlet ? { publisher: { '@type': 'Organization', name: data.source.outlet } } : {}),
		citation: data.cites.map((c) => ({ '@type': 'CreativeWork', publisher: { '@type': 'Organization', name: c.outlet } })),
		about: data.actors
			.filter((id) => actors.get(id)?.data.bloc === id)
			.map((id) => ({ '@type': 'Thing', name: actors.get(id)!.data.name.en, url: new URL(actorPath(id), site).href })),
		mentions: data.actors.map((id) => ({ '@type': 'Thing', name: actors.get(id)?.data.name.en ?? id })),
		isPartOf: WEBSITE,
	};
}

/** An actor page: the person, state or organisation, its names (never its match forms) and its parent. */
export function actorJsonLd(actor: ActorEntry, actors: ReadonlyMap<string, ActorEntry>, site: URL | undefined): JsonLd {
	const { data } = actor;
	const parent = data.parent ? actors.get(data.parent) : undefined;
	return {
		'@context': CONTEXT,
		'@type': data.kind === 'person' ? 'Person' : data.kind === 'state' ? 'Country' : 'Organization',
		name: data.name.en,
		alternateName: [data.name.ru, ...data.aliases.en, ...data.aliases.ru],
		url: new URL(actorPath(actor.id), site).href,
		...(data.wikidata ? { sameAs: `https://www.wikidata.org/wiki/${data.wikidata}` } : {}),
		...(parent ? { memberOf: { '@type': 'Organization', name: parent.data.name.en, url: new URL(actorPath(parent.id), site).href } } : {}),
	};
}
