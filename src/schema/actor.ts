import { z } from 'astro/zod';
import { ActorId, Bloc } from './ids.ts';
import { NonEmptyText } from './text.ts';

export const ACTOR_KINDS = [
	'state',
	'government',
	'agency',
	'military',
	'armed-group',
	'company',
	'media',
	'person',
	'organization',
] as const;

const Names = z.strictObject({
	/** English name, as the interface shows it. */
	en: NonEmptyText,
	/** Russian name, in the nominative case. */
	ru: NonEmptyText,
});

const PerLanguage = z
	.strictObject({ en: z.array(NonEmptyText).default([]), ru: z.array(NonEmptyText).default([]) })
	.default({ en: [], ru: [] });

/** Frontmatter of content/actors/<id>.md; the body is a short description. */
export const ActorSchema = z.strictObject({
	name: Names,
	kind: z.enum(ACTOR_KINDS, { error: `Expected one of: ${ACTOR_KINDS.join(', ')}` }),
	/** The principal bloc the actor belongs to; omit for independents. */
	bloc: Bloc.optional(),
	/** Actor id this one is part of or a member of, where an article says so: shown as "listed under". */
	parent: ActorId.optional(),
	/** Other names of this actor, per language (Moscow, Kremlin): shown on its page as names. */
	aliases: PerLanguage,
	/**
	 * Word forms that are not names, per language: other cases (Москвой), adjectives (российский), words that
	 * stand for the actor in context (хунта). Never shown; they only find mentions in article text and widen searches.
	 */
	forms: PerLanguage,
	/** Wikidata item, e.g. Q159. */
	wikidata: z
		.string()
		.regex(/^Q\d+$/, { error: 'Expected a Wikidata item id such as "Q159"' })
		.optional(),
});

export type ActorData = z.infer<typeof ActorSchema>;

/** The names an actor is shown by, in one language: its name, then its aliases. */
export function shownNames(data: Pick<ActorData, 'name' | 'aliases'>, lang: 'en' | 'ru'): string[] {
	return [data.name[lang], ...data.aliases[lang]];
}

/** Everything that finds a mention of an actor or names it in a search: its names and aliases, then its other word forms. */
export function matchedForms(data: Pick<ActorData, 'name' | 'aliases'> & { forms?: ActorData['forms'] }): string[] {
	return [data.name.en, data.name.ru, ...data.aliases.en, ...data.aliases.ru, ...(data.forms?.en ?? []), ...(data.forms?.ru ?? [])];
}
