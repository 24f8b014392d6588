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

/** Frontmatter of content/actors/<id>.md; the body is a short description. */
export const ActorSchema = z.strictObject({
	name: Names,
	kind: z.enum(ACTOR_KINDS, { error: `Expected one of: ${ACTOR_KINDS.join(', ')}` }),
	/** The principal bloc the actor belongs to; omit for independents. */
	bloc: Bloc.optional(),
	/** Actor id this one is part of or a member of. */
	parent: ActorId.optional(),
	/** Other names and inflected forms that occur in articles, per language. */
	aliases: z
		.strictObject({ en: z.array(NonEmptyText).default([]), ru: z.array(NonEmptyText).default([]) })
		.default({ en: [], ru: [] }),
	/** Wikidata item, e.g. Q159. */
	wikidata: z
		.string()
		.regex(/^Q\d+$/, { error: 'Expected a Wikidata item id such as "Q159"' })
		.optional(),
});

export type ActorData = z.infer<typeof ActorSchema>;
