import { z } from 'astro/zod';
import { EventSchema } from './event.ts';
import { ActorId, HttpUrl } from './ids.ts';
import { RelationSchema } from './relation.ts';
import { NonEmptyText } from './text.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = 'Expected a publication date as YYYY-MM-DD, e.g. 2025-09-15';

/** A calendar day: YAML gives an unquoted 2025-09-15 as a Date, a quoted one as a string. No free text. */
const PublicationDate = z
	.union([z.date(), z.string().regex(DAY, { error: DAY_MESSAGE })], { error: DAY_MESSAGE })
	.transform((value, ctx) => {
		const date = value instanceof Date ? value : new Date(`${value}T00:00:00Z`);
		if (Number.isNaN(date.getTime()) || (typeof value === 'string' && date.toISOString().slice(0, 10) !== value)) {
			ctx.addIssue({ code: 'custom', message: 'Expected a real calendar day as YYYY-MM-DD, e.g. 2025-09-15' });
			return z.NEVER;
		}
		return date;
	});

/** One link of the attribution chain: the outlet the article cites, and whom that outlet cites. */
const Citation = z.strictObject({
	outlet: NonEmptyText,
	via: NonEmptyText.optional(),
	url: HttpUrl.optional(),
});

/** Frontmatter of content/articles/<slug>.md; the body is the article text in its own language. */
export const ArticleSchema = z.strictObject({
	/**
	 * `true` on a draft written by `npm run import`: its actors, events and cites are machine guesses.
	 * `npm run check` refuses to publish a draft; the author removes the field after reviewing it.
	 */
	draft: z.boolean().optional(),
	title: NonEmptyText,
	/** Publication date, YYYY-MM-DD. */
	date: PublicationDate,
	/** BCP 47 language tag of the body, e.g. ru, en. */
	lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'Expected a BCP 47 language tag such as "ru" or "en"' }),
	/** English, one paragraph: what the article reports. */
	summary: NonEmptyText,
	source: z.strictObject({ outlet: NonEmptyText.optional(), url: HttpUrl.optional() }).optional(),
	/** Attribution chain: who the article says said it. */
	cites: z.array(Citation).default([]),
	actors: z
		.array(ActorId)
		.min(1, { error: 'List at least one actor id' })
		.refine((ids) => new Set(ids).size === ids.length, { error: 'Each actor may be listed once; remove the duplicate' }),
	events: z.array(EventSchema).default([]),
	relations: z.array(RelationSchema).default([]),
});

export type ArticleData = z.infer<typeof ArticleSchema>;
