import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * What raw HTML in an article body may keep: GitHub's safe subset (no <script>, no on* handlers,
 * no javascript: URLs), plus the attributes our own plugins add.
 */
export const articleSanitizeSchema: SanitizeSchema = {
	...defaultSchema,
	clobberPrefix: '',
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
