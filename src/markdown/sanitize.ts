import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { CONTENT_ID_PREFIX } from './content-anchors.ts';

/**
 * What raw HTML in an article body may keep: GitHub's safe subset (no <script>, no on* handlers,
 * no javascript: URLs), plus the attributes our own plugins add. Every id and name gets a prefix, so
 * article HTML cannot clobber the page's globals or its scripts' elements (src/markdown/content-anchors.ts
 * keeps in-page links working).
 */
export const articleSanitizeSchema: SanitizeSchema = {
	...defaultSchema,
	clobberPrefix: CONTENT_ID_PREFIX,
	attributes: {
		...defaultSchema.attributes,
		'*': [...(defaultSchema.attributes?.['*'] ?? []), 'lang', 'dir'],
		a: [
			...(defaultSchema.attributes?.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')),
			['className', 'data-footnote-backref', 'actor-mention'],
			'dataActor',
		],
	},
};
