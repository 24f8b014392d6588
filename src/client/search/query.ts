// What the search box sends to Pagefind, and how a result's text is matched against the query to mark it.
// Plain TypeScript: the browser scripts and the unit tests both use it.
//
// Why the query is stemmed here and not by Pagefind: Pagefind folds diacritics before it stems, both when
// it indexes and when it searches, so the Russian `й` loses its breve and Snowball then stems `хунтой` as
// `хунтои` → `хунто`, while `хунта` gives `хунт`. Snowball's verb and reflexive rules also cut nouns short
// (`Гоите` → `го`, `Беларусь` → `белар` but `Беларуси` → `беларус`). Pagefind matches query stems as
// prefixes of indexed stems, so one form found more than another. The index therefore keeps every word as
// written (no stemmer, see src/integrations/pagefind.ts), and the query is cut here to the stem its case
// forms share, with `й` intact: every form of a word sends the same prefix and gets the same results.

/** Lowercase, `ё` as `е`, and every other diacritic dropped the way Pagefind drops it (NFD, no marks). */
export function fold(word: string): string {
	return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const RUSSIAN_VOWELS = /[аеиоуыэюяё]/;

/**
 * Case endings of Russian nouns and adjectives (Snowball's noun and adjective endings, without its verb,
 * reflexive and derivational rules, which misfire on nouns and names), longest first.
 */
const NOMINAL_ENDINGS = [
	...new Set(
		[
			'иями', 'ями', 'ами', 'ией', 'иям', 'иях', 'ием', 'ими', 'ыми', 'его', 'ого', 'ему', 'ому',
			'ев', 'ов', 'ие', 'ье', 'еи', 'ии', 'ей', 'ой', 'ий', 'ям', 'ем', 'ам', 'ом', 'ах', 'ях', 'ию', 'ью', 'ия', 'ья',
			'ее', 'ые', 'ое', 'ый', 'им', 'ым', 'их', 'ых', 'ую', 'юю', 'ая', 'яя', 'ою', 'ею',
			'а', 'е', 'и', 'й', 'о', 'у', 'ы', 'ь', 'ю', 'я',
		].sort((a, b) => b.length - a.length),
	),
];

/**
 * The stem a Russian noun, name or adjective shares across its cases and numbers: the longest case ending is
 * cut from the part after the first vowel (Snowball's RV region), so a stem keeps at least one syllable.
 * `хунта`, `хунтой`, `хунтам` → `хунт`; `Беларусь`, `Беларуси`, `Беларусью` → `беларус`. Expects lowercase.
 */
export function russianStem(word: string): string {
	const w = word.replace(/ё/g, 'е');
	const firstVowel = w.search(RUSSIAN_VOWELS);
	if (firstVowel < 0) return w;
	const rv = w.slice(firstVowel + 1);
	const ending = NOMINAL_ENDINGS.find((e) => rv.endsWith(e));
	return ending ? w.slice(0, w.length - ending.length) : w;
}

/** English words: possessive and plural `s` dropped (`Belavia's`, `sanctions`), the rest left to prefix matching. */
export function englishStem(word: string): string {
	const w = word.replace(/['’]s$/, '');
	return w.length > 3 && /s$/.test(w) && !/(ss|us|is)$/.test(w) ? w.slice(0, -1) : w;
}

/** Letters and digits at the ends of a token kept, quotes and punctuation around it dropped: `«Вагнер»,` → `Вагнер`. */
function trimToken(token: string): string {
	return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** One query word as the prefix every indexed form of it starts with. */
export function stemWord(token: string): string {
	const word = trimToken(token).toLowerCase();
	if (!word) return '';
	return CYRILLIC.test(word) ? russianStem(word) : englishStem(word);
}

/** The query's words, each cut to its stem, without repeats: what the page marks in a result's text. */
export function queryStems(query: string): string[] {
	if (query.includes('"')) return [...new Set(query.split(/\s+/).map((t) => trimToken(t).toLowerCase()).filter(Boolean))];
	return [...new Set(query.split(/\s+/).map(stemWord).filter(Boolean))];
}

/**
 * The term handed to Pagefind's `search()`: each word cut to its stem (Pagefind matches it as a prefix of
 * the words as written). A query in double quotes is Pagefind's exact phrase search and goes as typed.
 */
export function pagefindTerm(query: string): string {
	const q = query.trim();
	if (q.includes('"')) return q;
	return queryStems(q).join(' ');
}

/** A word of a result's text folded for matching: punctuation at its ends and inside (`Аль-Каида`) dropped. */
export function matchKey(word: string): string {
	return fold(word).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A sequence of stems that must match consecutive words (a one-word query term, or an actor's name). */
export type Phrase = readonly string[];

/** Folds the stems of a phrase as result words are folded, so the two compare. */
export function phraseOf(text: string): Phrase {
	return text
		.split(/\s+/)
		.map(stemWord)
		.filter(Boolean)
		.map((s) => matchKey(s));
}

/** Whether `words` (already `matchKey`ed) match `phrase` starting at `at`: each word starts with its stem. */
export function phraseAt(words: readonly string[], at: number, phrase: Phrase): boolean {
	if (!phrase.length || at + phrase.length > words.length) return false;
	return phrase.every((stem, i) => stem.length > 0 && words[at + i].startsWith(stem));
}
