import { z } from 'astro/zod';
import { Text } from './text.ts';

/** The four principal entities of the story. Every actor belongs to one, or to none (independents). */
export const BLOCS = ['us', 'mali-junta', 'russia', 'belarus'] as const;
export type Bloc = (typeof BLOCS)[number];

export const BLOC_LABELS: Record<Bloc, { en: string; ru: string }> = {
	us: { en: 'United States', ru: 'США' },
	'mali-junta': { en: 'Mali junta', ru: 'Малийская хунта' },
	russia: { en: 'Russia', ru: 'Россия' },
	belarus: { en: 'Belarus', ru: 'Беларусь' },
};

/** Actor ids are the file names in content/actors/: lower-case words joined by hyphens. */
export const ActorId = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Expected an actor id: lower-case letters, digits and hyphens, e.g. "mali-junta"' });

export const Bloc = z.enum(BLOCS, { error: `Expected one of the principal blocs: ${BLOCS.join(', ')} (omit the field for independents)` });

/** An http(s) URL; other schemes (javascript:, file:, ftp:) are refused. */
export const HttpUrl = Text.refine(
	(value) => {
		try {
			const url = new URL(value);
			return url.protocol === 'http:' || url.protocol === 'https:';
		} catch {
			return false;
		}
	},
	{ error: 'Expected an absolute http:// or https:// URL' },
);
