/**
 * Ids in article HTML that cannot clobber the page's own, and in-page links that still reach them.
 *
 * rehype-sanitize prefixes every `id` and `name` that comes from an article with CONTENT_ID_PREFIX (as
 * GitHub does), so `<img name="querySelector">` cannot shadow `document.querySelector` and
 * `<a id="search-page-q">` cannot pose as the search page's box. Two things then need help, and this
 * plugin, run right after the sanitiser, gives it:
 *
 * - Headings. Astro gives headings ids after every configured plugin has run, and only to headings that
 *   have none: unprefixed ids such as `search-page-q` from a heading "Search page q". They get their
 *   GitHub-style slug here, prefixed like every other id from content.
 * - Links inside the article to `#name` (footnotes, a table of contents written by hand, `<a name>`
 *   anchors): rewritten to `#user-content-name` when that is what the target is now called.
 */
import type { Element, Nodes, Root } from 'hast';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';

export const CONTENT_ID_PREFIX = 'user-content-';

const HEADING = /^h[1-6]$/;

function textOf(node: Nodes): string {
	if (node.type === 'text') return node.value;
	return 'children' in node ? node.children.map(textOf).join('') : '';
}

export function rehypeContentAnchors() {
	return (tree: Root) => {
		const slugger = new GithubSlugger();
		const targets = new Set<string>();
		const links: Element[] = [];
		const headings: Element[] = [];
		visit(tree, 'element', (node: Element) => {
			const { id, name } = node.properties;
			if (typeof id === 'string') targets.add(id);
			if (typeof name === 'string') targets.add(name);
			if (HEADING.test(node.tagName) && typeof id !== 'string') headings.push(node);
			if (node.tagName === 'a' && typeof node.properties.href === 'string' && node.properties.href.startsWith('#')) links.push(node);
		});
		for (const heading of headings) {
			const text = textOf(heading);
			let id: string;
			// The slugger numbers repeated headings; an id the article already uses is skipped the same way.
			do id = CONTENT_ID_PREFIX + slugger.slug(text);
			while (targets.has(id));
			heading.properties.id = id;
			targets.add(id);
		}
		for (const link of links) {
			const href = link.properties.href as string;
			let fragment: string;
			try {
				fragment = decodeURIComponent(href.slice(1));
			} catch {
				continue;
			}
			if (fragment && !targets.has(fragment) && targets.has(CONTENT_ID_PREFIX + fragment)) {
				link.properties.href = `#${CONTENT_ID_PREFIX}${encodeURIComponent(fragment)}`;
			}
		}
	};
}
