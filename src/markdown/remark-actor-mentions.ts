/**
 * Links the first mention of each actor in an article body to its page, /actors/<id>/.
 *
 * The actor set comes from options, built once when the plugin is attached. Astro renders
 * content with the plugins of astro.config.mjs, so the config passes it there:
 *
 *   import { checkContent } from './src/input/check.ts';
 *   import { remarkActorMentions } from './src/markdown/remark-actor-mentions.ts';
 *   markdown: { remarkPlugins: [[remarkActorMentions, { actors: checkContent('content').actors, base: '/' }]] }
 *
 * A page rendering Markdown itself can pass a prebuilt matcher instead: { actors: buildMentionMatcher(actors) }.
 * The document language comes from `lang`, or from the article frontmatter Astro puts on
 * file.data.astro.frontmatter; it picks the language of the link title (the actor's name in the nominative).
 * An actor's own description (a file actors/<id>.md, in a subfolder or not) never links that actor: the link would lead to the page it is on.
 */
import type { Link, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { buildMentionMatcher, findMentions, type MentionMatcher, type NamedActor } from '../language/mentions.ts';
import { actorPath } from '../schema/routes.ts';

export interface ActorMentionOptions {
	/** The actors to link: the map checkContent returns, or a matcher already built from it. */
	actors: ReadonlyMap<string, NamedActor> | MentionMatcher;
	/** Site base path the actor pages live under; default "/". */
	base?: string;
	/** Language of the documents (BCP 47) when their frontmatter has none; default "en". */
	lang?: string;
}

// Text inside these is not prose to link: headings stay plain, links and code are left as written.
const NOT_LINKED = new Set(['heading', 'link', 'linkReference', 'inlineCode', 'code', 'html', 'definition', 'image', 'imageReference']);

// Raw HTML elements whose text is not linked either: "<a href=…>Москва</a>" written inline must not get a nested link.
const RAW_OPEN = /^<(a|code|kbd|pre|samp|script|style|h[1-6])(?=[\s>])/i;
const RAW_CLOSE = /^<\/(a|code|kbd|pre|samp|script|style|h[1-6])\s*>/i;

/** Whether a text node sits between an opening and a closing raw HTML tag of the kinds above. */
function insideRawElement(parent: Parent, index: number): boolean {
	let depth = 0;
	for (const sibling of parent.children.slice(0, index)) {
		if (sibling.type !== 'html') continue;
		if (RAW_OPEN.test(sibling.value)) depth++;
		else if (RAW_CLOSE.test(sibling.value)) depth = Math.max(0, depth - 1);
	}
	return depth > 0;
}

function isMatcher(actors: ActorMentionOptions['actors']): actors is MentionMatcher {
	return 'byFirstKey' in actors;
}

function actorUrl(base: string, id: string): string {
	return `${base.replace(/\/+$/, '')}${actorPath(id)}`;
}

/** The actor a Markdown file describes, when it is an actor file (…/actors/<id>.md) of a known actor. */
function describedActor(file: VFile | undefined, matcher: MentionMatcher): string | undefined {
	const match = /[\\/]actors[\\/](?:.*[\\/])?([^\\/]+)\.md$/i.exec(file?.path ?? '');
	return match && matcher.names.has(match[1]!) ? match[1] : undefined;
}

function documentLang(file: VFile | undefined, fallback: string): string {
	const astro = file?.data?.astro as { frontmatter?: { lang?: unknown } } | undefined;
	const lang = astro?.frontmatter?.lang;
	return typeof lang === 'string' ? lang : fallback;
}

/** Splits one text node into text and links, linking only actors not yet linked in this document. */
function linkText(node: Text, matcher: MentionMatcher, linked: Set<string>, base: string, lang: string): PhrasingContent[] | undefined {
	const mentions = findMentions(node.value, matcher).filter((mention) => {
		if (linked.has(mention.actorId)) return false;
		linked.add(mention.actorId);
		return true;
	});
	if (mentions.length === 0) return undefined;
	const parts: PhrasingContent[] = [];
	let offset = 0;
	for (const mention of mentions) {
		if (mention.start > offset) parts.push({ type: 'text', value: node.value.slice(offset, mention.start) });
		const names = matcher.names.get(mention.actorId);
		const name = names ? (lang.startsWith('ru') ? names.ru : names.en) : undefined;
		const link: Link = {
			type: 'link',
			url: actorUrl(base, mention.actorId),
			title: name && name !== mention.matched ? name : null,
			children: [{ type: 'text', value: mention.matched }],
			data: { hProperties: { className: ['actor-mention'], dataActor: mention.actorId } },
		};
		parts.push(link);
		offset = mention.end;
	}
	if (offset < node.value.length) parts.push({ type: 'text', value: node.value.slice(offset) });
	return parts;
}

/** Remark plugin: links the first mention of each actor to /actors/<id>/, outside headings, links and code. */
export function remarkActorMentions(options: ActorMentionOptions) {
	const matcher = isMatcher(options.actors) ? options.actors : buildMentionMatcher(options.actors);
	const base = options.base ?? '/';
	const fallbackLang = options.lang ?? 'en';
	return function transformer(tree: Root, file?: VFile): void {
		const lang = documentLang(file, fallbackLang);
		const self = describedActor(file, matcher);
		const linked = new Set<string>(self ? [self] : []);
		visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
			if (NOT_LINKED.has(node.type)) return SKIP;
			if (node.type !== 'text' || !parent || index === undefined || insideRawElement(parent, index)) return;
			const parts = linkText(node, matcher, linked, base, lang);
			if (!parts) return;
			parent.children.splice(index, 1, ...(parts as Parent['children']));
			// Continue after the inserted nodes: the new links must not be visited again.
			return [SKIP, index + parts.length];
		});
	};
}

export default remarkActorMentions;
