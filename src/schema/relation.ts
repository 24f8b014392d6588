import { z } from 'astro/zod';
import { EdtfDate } from './edtf.ts';
import { ActorId } from './ids.ts';

export const RELATION_KINDS = [
	'military-partnership',
	'military-support',
	'intelligence-sharing',
	'cooperation',
	'sanctions',
	'sanctions-relief',
	'replaced',
	'partner',
	'armed-conflict',
	'envoy-of',
	'criticism',
] as const;

/** A typed, dated link between two actors as an article reports it. */
export const RelationSchema = z.strictObject({
	from: ActorId,
	to: ActorId,
	kind: z.enum(RELATION_KINDS, { error: `Expected one of: ${RELATION_KINDS.join(', ')}` }),
	since: EdtfDate.optional(),
	/** Only when the article says the relation ended: never inferred from a term of office or a later event. */
	until: EdtfDate.optional(),
	/** The dates are inferred, not stated by the article; shown as such. Say from what in `note`. */
	inferred: z.boolean().optional(),
	/** Why the dates are what they are. */
	note: z.string().min(1).optional(),
});

export type RelationData = z.infer<typeof RelationSchema>;
