import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { SKIP, visit } from 'unist-util-visit';
import { findMentions, type MentionMatcher } from '../language/mentions.ts';

/** The sentence of an article that names an actor, split around the name as written there. */
export interface MentionExcerpt {
	/** Text before the name; starts with "…" when the sentence was shortened in front. */
	before: string;
	/** The name exactly as the article writes it ("Москвой", "ЧВК «Вагнер»"). */
	matched: string;
	/** Text after the name; ends with "…" when the sentence was shortened. */
	after: string;
}

/** Longest excerpt shown, in characters; a longer sentence is cut at word boundaries around the name. */
export const EXCERPT_MAX = 260;

// Text that is not prose: code and raw HTML are not sentences a reader would recognise.
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'definition', 'image', 'imageReference']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** The prose blocks of a Markdown text (or of its syntax tree) as plain text, one string per paragraph, heading or table cell. */
export function proseBlocks(markdown: string | Root): string[] {
	const blocks: string[] = [];
	visit(typeof markdown === 'string' ? fromMarkdown(markdown) : markdown, (node: Nodes) => {
		if (NOT_PROSE.has(node.type)) return SKIP;
		if (!BLOCKS.has(node.type)) return undefined;
		let text = '';
		visit(node, (inner: Nodes) => {
			if (NOT_PROSE.has(inner.type)) return SKIP;
			if (inner.type === 'text') text += inner.value;
			else if (inner.type === 'break') text += ' ';
			return undefined;
		});
		const clean = text.replace(/\s+/g, ' ').trim();
		if (clean) blocks.push(clean);
		return SKIP;
	});
	return blocks;
}

/** Shortens `text` to at most `max` characters around [start, end), cutting at spaces, marking each cut with "…". */
function around(text: string, start: number, end: number, max: number): MentionExcerpt {
	let from = 0;
	let to = text.length;
	if (to > max) {
		from = Math.max(0, start - Math.floor((max - (end - start)) / 2));
		to = Math.min(text.length, from + max);
		from = Math.max(0, Math.min(from, to - max));
		const space = text.indexOf(' ', from);
		if (from > 0 && space !== -1 && space < start) from = space + 1;
		const last = text.lastIndexOf(' ', to);
		if (to < text.length && last > end) to = last;
	}
	return {
		before: `${from > 0 ? '…' : ''}${text.slice(from, start)}`,
		matched: text.slice(start, end),
		after: `${text.slice(end, to)}${to < text.length ? '…' : ''}`,
	};
}

/**
 * A copy of the excerpt whose strings hold only their own characters. A slice of a string can keep the whole
 * string it came from alive in V8: a quote kept for the actor pages would keep its paragraph (a 10,000-article
 * build keeps ~50,000 quotes).
 */
function detached(excerpt: MentionExcerpt): MentionExcerpt {
	return JSON.parse(JSON.stringify(excerpt)) as MentionExcerpt;
}

/**
 * For each actor the text names, the sentence where it is first named, found with the site's mention matcher (the
 * same that links names on article pages): one pass over the text, whatever the number of actors. Pages take
 * them from the renderer (src/markdown/mention-excerpts.ts), which passes the tree it has already parsed.
 */
export function mentionExcerpts(markdown: string | Root, lang: string | undefined, matcher: MentionMatcher, max = EXCERPT_MAX): Map<string, MentionExcerpt> {
	const found = new Map<string, MentionExcerpt>();
	const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
	for (const block of proseBlocks(markdown)) {
		const mentions = findMentions(block, matcher).filter((m) => !found.has(m.actorId));
		if (mentions.length === 0) continue;
		const sentences = [...segmenter.segment(block)];
		for (const mention of mentions) {
			if (found.has(mention.actorId)) continue;
			const sentence = sentences.findLast((s) => s.index <= mention.start) ?? sentences[0]!;
			const text = sentence.segment.trimEnd();
			const start = mention.start - sentence.index;
			found.set(mention.actorId, detached(around(text, start, Math.min(text.length, start + mention.matched.length), max)));
		}
	}
	return found;
}
