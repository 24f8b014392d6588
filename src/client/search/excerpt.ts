// Excerpts built from a result's own text: the sentence that matches the query (or names the actor the query
// names, in either language), the matching words marked. Plain TypeScript, no DOM: unit-tested.
import { matchKey, phraseAt, type Phrase } from './query.ts';

export interface Excerpt {
	/** HTML: the text escaped, matches in <mark>. */
	html: string;
	/** Whether the excerpt contains a match (false: the text's opening, as a readable line). */
	matched: boolean;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Ends a sentence: `.`, `!`, `?` or `…`, maybe followed by closing quotes or brackets; not an initial or
 * abbreviation of one letter (`В. Путин`, `c. 2021`). */
const SENTENCE_END = /[.!?…]["»”’)\]]*$/;
const INITIAL = /^\p{L}\.$/u;
/** Starts one: a capital letter or digit, maybe after opening quotes or a dash. */
const SENTENCE_START = /^["«“‘(\[–—-]*[\p{Lu}\p{N}]/u;

/** Word ranges [start, end) of the sentences of `words`. */
export function sentences(words: readonly string[]): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	let start = 0;
	for (let i = 0; i < words.length; i++) {
		const last = i === words.length - 1;
		if (last || (SENTENCE_END.test(words[i]) && !INITIAL.test(words[i]) && SENTENCE_START.test(words[i + 1]))) {
			out.push([start, i + 1]);
			start = i + 1;
		}
	}
	return out;
}

/** Positions of words matching any phrase, and which phrase each match belongs to. */
function matches(keys: readonly string[], phrases: readonly Phrase[]): Map<number, number> {
	const hits = new Map<number, number>();
	for (let at = 0; at < keys.length; at++) {
		phrases.forEach((phrase, p) => {
			if (phraseAt(keys, at, phrase)) for (let k = 0; k < phrase.length; k++) if (!hits.has(at + k)) hits.set(at + k, p);
		});
	}
	return hits;
}

function render(words: readonly string[], from: number, to: number, hits: ReadonlyMap<number, number>, maxWords: number): string {
	let start = from;
	let end = to;
	if (end - start > maxWords) {
		// A long sentence: a window around its first match.
		const first = [...hits.keys()].filter((i) => i >= from && i < to).sort((a, b) => a - b)[0] ?? from;
		start = Math.max(from, Math.min(first - Math.floor(maxWords / 3), to - maxWords));
		end = start + maxWords;
	}
	// Consecutive matched words share one <mark> («ЧВК «Вагнер»»); punctuation after the last stays outside.
	let html = '';
	for (let i = start; i < end; i++) {
		const open = hits.has(i) && !(i > start && hits.has(i - 1));
		const close = hits.has(i) && !(i + 1 < end && hits.has(i + 1));
		const [, word, after] = close ? /^(.*?)([,.;:!?…]*)$/su.exec(words[i])! : [, words[i], ''];
		html += `${i > start ? ' ' : ''}${open ? '<mark>' : ''}${escapeHtml(word)}${close ? '</mark>' : ''}${escapeHtml(after)}`;
	}
	return `${start > from ? '… ' : ''}${html}${end < to ? ' …' : ''}`;
}

/**
 * The sentence of `text` with the most different phrases matched (the earliest on a tie), matches marked; a long
 * sentence is cut to `maxWords` around its first match. `primary` phrases (the query's own words) count before
 * the others (an actor's other names). Null when nothing matches.
 */
export function matchingSentence(text: string, phrases: readonly Phrase[], options: { primary?: number; maxWords?: number } = {}): Excerpt | null {
	const { primary = phrases.length, maxWords = 40 } = options;
	const words = text.split(/\s+/).filter(Boolean);
	const keys = words.map(matchKey);
	const hits = matches(keys, phrases);
	if (!hits.size) return null;
	let best: { range: [number, number]; score: number } | undefined;
	for (const range of sentences(words)) {
		const found = new Set<number>();
		for (let i = range[0]; i < range[1]; i++) if (hits.has(i)) found.add(hits.get(i)!);
		if (!found.size) continue;
		const score = [...found].reduce((sum, p) => sum + (p < primary ? 100 : 1), 0);
		if (!best || score > best.score) best = { range, score };
	}
	return best ? { html: render(words, best.range[0], best.range[1], hits, maxWords), matched: true } : null;
}

/** The first sentence of `text` (cut to `maxWords`), for a result whose text does not contain the query. */
export function openingSentence(text: string, maxWords = 40): Excerpt {
	const words = text.split(/\s+/).filter(Boolean);
	const [first] = sentences(words);
	return { html: first ? render(words, first[0], first[1], new Map(), maxWords) : '', matched: false };
}

/** `text` without its leading `title` (Pagefind's content of a page opens with its <h1> and a full stop). */
export function withoutTitle(text: string, title: string | undefined): string {
	if (!title) return text;
	const t = title.trim();
	if (!text.startsWith(t)) return text;
	return text.slice(t.length).replace(/^[.\s]+/, '');
}

/** All of a short `text` (a timeline entry's place and note), matches marked, cut to `maxWords`. */
export function wholeText(text: string, phrases: readonly Phrase[], maxWords = 40): Excerpt {
	const words = text.split(/\s+/).filter(Boolean);
	const hits = matches(words.map(matchKey), phrases);
	return { html: render(words, 0, words.length, hits, maxWords), matched: hits.size > 0 };
}
