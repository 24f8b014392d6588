// Where a Markdown text names each actor: for the check's mention warnings (src/input/) and the linker's tests.
// Markdown-aware (code and raw HTML are not prose) but renders nothing.
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { SKIP, visit } from 'unist-util-visit';
import { findMentions, type MentionMatcher } from './mentions.ts';

/** Where an actor is first named in a Markdown text. */
export interface FirstMention {
	matched: string;
	/** 1-based line within the Markdown text given. */
	line: number;
}

// For finding mentions, headings and link text still count as the article naming an actor.
const NOT_PROSE = new Set(['inlineCode', 'code', 'html', 'definition']);

/** Where each actor is first named in a Markdown text (prose, headings and link text; not code). */
export function firstMentions(markdown: string, matcher: MentionMatcher): Map<string, FirstMention> {
	const first = new Map<string, FirstMention>();
	// Plain prose (no code, HTML or link syntax) is scanned as it is: parsing Markdown would find the same text, slower.
	if (!MARKDOWN_SYNTAX.test(markdown)) {
		let line = 1;
		let counted = 0;
		for (const mention of findMentions(markdown, matcher)) {
			if (first.has(mention.actorId)) continue;
			for (let i = markdown.indexOf('\n', counted); i !== -1 && i < mention.start; i = markdown.indexOf('\n', i + 1)) line++, (counted = i + 1);
			first.set(mention.actorId, { matched: mention.matched, line });
		}
		return first;
	}
	visit(fromMarkdown(markdown), (node: Nodes) => {
		if (NOT_PROSE.has(node.type)) return SKIP;
		if (node.type !== 'text') return;
		for (const mention of findMentions(node.value, matcher)) {
			if (first.has(mention.actorId)) continue;
			const linesBefore = node.value.slice(0, mention.start).split('\n').length - 1;
			first.set(mention.actorId, { matched: mention.matched, line: (node.position?.start.line ?? 1) + linesBefore });
		}
		return undefined;
	});
	return first;
}

const MARKDOWN_SYNTAX = /[`<\[\]~]|^ {4}|^\t|&/m;

/** The ids of every actor a Markdown text names, for the content check's mention warnings. */
export function mentionedActorIds(markdown: string, matcher: MentionMatcher): Set<string> {
	return new Set(firstMentions(markdown, matcher).keys());
}
