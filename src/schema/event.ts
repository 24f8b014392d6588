import { z } from 'astro/zod';
import { EdtfDate } from './edtf.ts';
import { ActorId } from './ids.ts';
import { NonEmptyText, Text } from './text.ts';

export const EVENT_KINDS = [
	'coup',
	'deployment',
	'withdrawal',
	'visit',
	'statement',
	'meeting',
	'agreement',
	'sanctions',
	'sanctions-relief',
	'intelligence-sharing',
	'military-aid',
	'attack',
	'death',
	'release',
	'election',
	'policy',
	'report',
	'other',
] as const;

/** A dated event an article reports. The same id in several articles is one timeline entry. */
export const EventSchema = z.strictObject({
	/** Stable id shared across articles that report the same event. */
	id: ActorId.optional(),
	/** EDTF date; vague where the article is vague. */
	date: EdtfDate,
	/** English, one line. */
	title: NonEmptyText,
	kind: z.enum(EVENT_KINDS, { error: `Expected one of: ${EVENT_KINDS.join(', ')}` }),
	actors: z.array(ActorId).min(1, { error: 'List at least one actor id' }),
	place: NonEmptyText.optional(),
	/** Why the date is what it is, when the article is vague; when `inferred`, from what it was inferred. */
	note: Text.optional(),
	/** The date is inferred (e.g. from a term of office), not stated by the article; shown as such. Say from what in `note`. */
	inferred: z.boolean().optional(),
});

export type EventData = z.infer<typeof EventSchema>;
