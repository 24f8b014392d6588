import snowballFactory from 'snowball-stemmers';
import { matchedForms } from '../schema/actor.ts';

/** The part of an actor a mention matcher needs: its names, aliases and other word forms in both languages. */
export interface NamedActor {
	data: { name: { en: string; ru: string }; aliases: { en: string[]; ru: string[] }; forms?: { en: string[]; ru: string[] } };
}

/** One place in a text where an actor is named. Offsets are UTF-16 indices into the text. */
export interface Mention {
	start: number;
	end: number;
	actorId: string;
	/** The text as written, e.g. "Москвой" or "ЧВК «Вагнер»". */
	matched: string;
}

/** One compiled name: the token keys it must match, in order. */
interface CompiledName {
	actorId: string;
	keys: string[];
	/** How many keys are exact (acronym or whole word) rather than stems: preferred on ties. */
	exactness: number;
}

/** Every actor name compiled for lookup by its first token's key; build once, reuse for every text. */
export interface MentionMatcher {
	readonly byFirstKey: ReadonlyMap<string, readonly CompiledName[]>;
	/** Actor names per id, so a renderer can show the nominative form. */
	readonly names: ReadonlyMap<string, { en: string; ru: string }>;
	/** Every stem some name uses: a word none of them begins is never stemmed, which keeps a cold scan cheap. */
	readonly stems: ReadonlySet<string>;
	readonly longestStem: number;
	/** Keys per word as written, filled while scanning: a corpus repeats its words, so each is normalised and stemmed once. */
	readonly wordKeys: Map<string, readonly string[]>;
}

// Key prefixes: "=" the token exactly as written (acronyms), "!" the whole word lower-cased, "~" its stem.
const EXACT = '=';
const WORD = '!';
const STEM = '~';

/** A stem shorter than this says too little on its own ("Мали" → "мал" would match "мало"): match the whole word. */
const MIN_STEM = 4;

const russianStemmer = snowballFactory.newStemmer('russian');
const stemCache = new Map<string, string>();

// Words: letters, marks, digits; an apostrophe inside keeps "Atallah's" one token. Hyphens split ("Аль-Каида").
const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
// What may stand between two words of one name: spaces, hyphens, dashes and quotes ("ЧВК «Вагнер»").
const NAME_GAP = /^[\s\u00A0«»"“”„‟‹›'’‐‑‒–—-]{1,3}$/u;
const CLOSING_QUOTE: Record<string, string> = { '«': '»', '“': '”', '„': '“', '"': '"', '‹': '›' };

interface Token {
	start: number;
	end: number;
	keys: readonly string[];
	/** End of the previous word (-1 for the first): the gap decides whether the two may form one name. */
	previousEnd: number;
}

function normalize(word: string): string {
	return word.toLowerCase().replaceAll('ё', 'е');
}

/** Short all-caps words (США, РФ, ЦРУ, US, IS) are acronyms: matched exactly and case-sensitively. */
function isAcronym(word: string): boolean {
	return word.length >= 2 && word.length <= 5 && /\p{Lu}/u.test(word) && word === word.toUpperCase();
}

/** Russian words go through the Snowball stemmer; English ones lose a possessive and a plural "s". */
function stemOf(lower: string): string {
	let stem = stemCache.get(lower);
	if (stem !== undefined) return stem;
	if (CYRILLIC.test(lower)) stem = russianStemmer.stem(lower) as string;
	else {
		stem = lower.replace(/['’]s?$/, '');
		if (stem.length > 3 && stem.endsWith('s') && !stem.endsWith('ss')) stem = stem.slice(0, -1);
	}
	// The cache only spares repeated stemming across a corpus; cap it so a huge vocabulary cannot grow it forever.
	if (stemCache.size > 200_000) stemCache.clear();
	stemCache.set(lower, stem);
	return stem;
}

function wordKey(lower: string): string {
	return WORD + (CYRILLIC.test(lower) ? lower : lower.replace(/['’]s?$/, ''));
}

/** Whether a word could stem to a stem some name uses: stemming only strips endings, so that stem must begin the word. */
function mayStemToName(lower: string, matcher: MentionMatcher): boolean {
	const longest = Math.min(lower.length, matcher.longestStem);
	for (let length = 1; length <= longest; length++) if (matcher.stems.has(lower.slice(0, length))) return true;
	return false;
}

function keysOf(surface: string, matcher: MentionMatcher): readonly string[] {
	let keys = matcher.wordKeys.get(surface);
	if (keys) return keys;
	const lower = normalize(surface);
	// "~" alone never matches a name: the word cannot stem to any name's stem.
	keys = [EXACT + surface, wordKey(lower), STEM + (mayStemToName(lower, matcher) ? stemOf(lower) : '')];
	if (matcher.wordKeys.size > 200_000) matcher.wordKeys.clear();
	matcher.wordKeys.set(surface, keys);
	return keys;
}

function tokenize(text: string, matcher: MentionMatcher): Token[] {
	const tokens: Token[] = [];
	let previousEnd = -1;
	for (const match of text.matchAll(WORD_PATTERN)) {
		const surface = match[0];
		const start = match.index;
		tokens.push({ start, end: start + surface.length, keys: keysOf(surface, matcher), previousEnd });
		previousEnd = start + surface.length;
	}
	return tokens;
}

/** The keys one name must match, token by token. */
function compileName(name: string): { keys: string[]; exactness: number } | undefined {
	const words = name.match(WORD_PATTERN);
	if (!words) return undefined;
	let exactness = 0;
	const keys = words.map((word) => {
		if (isAcronym(word)) {
			exactness++;
			return EXACT + word;
		}
		const lower = normalize(word);
		const stem = stemOf(lower);
		// In a multi-word name the other words give context, so even a short stem ("армии" → "арм") is safe.
		if (words.length === 1 && stem.length < MIN_STEM) {
			exactness++;
			return wordKey(lower);
		}
		return STEM + stem;
	});
	return { keys, exactness };
}

/**
 * What a name matches, word by word ("москв", "=США"): two names with the same keys find the same words, so one
 * is a form of the other ("Москва", "Москвой"; "Соединённые Штаты", "Соединенные Штаты").
 */
export function nameKeys(name: string): string | undefined {
	return compileName(name)?.keys.join(' ');
}

/** Compiles every actor's names, aliases and other word forms, in both languages, into one matcher. */
export function buildMentionMatcher(actors: ReadonlyMap<string, NamedActor>): MentionMatcher {
	const byFirstKey = new Map<string, CompiledName[]>();
	const names = new Map<string, { en: string; ru: string }>();
	const seen = new Set<string>();
	const stems = new Set<string>();
	for (const [actorId, { data }] of actors) {
		names.set(actorId, data.name);
		for (const name of matchedForms(data)) {
			const compiled = compileName(name);
			if (!compiled) continue;
			// Inflected aliases often compile to the same stems; the first actor to claim a key sequence keeps it.
			const signature = compiled.keys.join('\u0000');
			if (seen.has(signature)) continue;
			seen.add(signature);
			for (const key of compiled.keys) if (key.startsWith(STEM)) stems.add(key.slice(STEM.length));
			const entry: CompiledName = { actorId, ...compiled };
			const first = compiled.keys[0]!;
			const list = byFirstKey.get(first);
			if (list) list.push(entry);
			else byFirstKey.set(first, [entry]);
		}
	}
	for (const list of byFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length || b.exactness - a.exactness);
	const longestStem = Math.max(0, ...[...stems].map((stem) => stem.length));
	return { byFirstKey, names, stems, longestStem, wordKeys: new Map() };
}

function matchesAt(text: string, tokens: Token[], i: number, name: CompiledName): boolean {
	if (i + name.keys.length > tokens.length) return false;
	for (let j = 1; j < name.keys.length; j++) {
		const token = tokens[i + j]!;
		if (!token.keys.includes(name.keys[j]!) || !NAME_GAP.test(text.slice(token.previousEnd, token.start))) return false;
	}
	return true;
}

/** Extends a mention over the closing quote its own opening quote needs: "ЧВК «Вагнер»", not "ЧВК «Вагнер". */
function balancedEnd(text: string, start: number, end: number): number {
	const matched = text.slice(start, end);
	for (const [open, close] of Object.entries(CLOSING_QUOTE)) {
		if (open === close) continue;
		if (matched.split(open).length > matched.split(close).length && text[end] === close) return end + 1;
	}
	return end;
}

/** Finds actor names in a text: left to right, the longest name at each word, never overlapping. */
export function findMentions(text: string, matcher: MentionMatcher): Mention[] {
	const tokens = tokenize(text, matcher);
	const mentions: Mention[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		let best: CompiledName | undefined;
		for (const key of token.keys) {
			const candidates = matcher.byFirstKey.get(key);
			if (!candidates) continue;
			// Candidates are sorted longest first, so the first that matches is the best for this key.
			const found = candidates.find((name) => matchesAt(text, tokens, i, name));
			if (found && (!best || found.keys.length > best.keys.length || (found.keys.length === best.keys.length && found.exactness > best.exactness)))
				best = found;
		}
		if (!best) continue;
		const start = token.start;
		const end = balancedEnd(text, start, tokens[i + best.keys.length - 1]!.end);
		mentions.push({ start, end, actorId: best.actorId, matched: text.slice(start, end) });
		i += best.keys.length - 1;
	}
	return mentions;
}
