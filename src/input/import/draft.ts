/**
 * `npm run import`: pasted article text → a frontmatter draft for content/articles/.
 * Pure: takes the text, the publication date and the actors, returns the file's name and content.
 */
import transliterate from '@sindresorhus/transliterate';
import { findMentions, type MentionMatcher } from '../../language/mentions.ts';
import {
	findDateExpressions,
	resolveRelative,
	stems,
	toEdtf,
	type DatedSentence,
	type DateExpression,
	type Lang,
	type Resolved,
} from './dates.ts';

export interface ImportOptions {
	text: string;
	/** Publication day. */
	published: Date;
	lang: Lang;
	matcher: MentionMatcher;
	title?: string;
	url?: string;
	outlet?: string;
}

export interface Sentence {
	text: string;
	/** UTF-16 offset in the article text. */
	start: number;
	paragraph: number;
}

export interface DraftEvent {
	date: string;
	resolved: Resolved;
	/** The date expression as written. */
	expression: string;
	note: string;
	actors: string[];
	/** True when the sentence names no actor and the actors come from an earlier sentence. */
	actorsBorrowed: boolean;
	kind: string;
	/** The word the kind was guessed from, if any. */
	kindFrom?: string;
}

export interface Candidate {
	name: string;
	count: number;
	sentence: string;
	id: string;
	command: string;
}

export interface CiteCandidate {
	outlet: string;
	count: number;
	sentence: string;
}

export interface Draft {
	/** File name without .md: <date>-<slug>. */
	slug: string;
	markdown: string;
	actors: string[];
	events: DraftEvent[];
	cites: CiteCandidate[];
	candidates: Candidate[];
}

/** A leading "date 2025-09-15" line some source files carry: metadata, not article text. */
const DATE_MARKER = /^\s?date (\d{4}-\d{2}-\d{2})[ \t]+/;

/** Splits a source file into its date marker (if any) and the article text, which is kept byte for byte. */
export function splitSource(source: string): { date?: string; text: string } {
	const text = source.replace(/^\uFEFF/, '');
	const marker = DATE_MARKER.exec(text);
	return marker ? { date: marker[1], text: text.slice(marker[0].length) } : { text };
}

export function detectLang(text: string): Lang {
	const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
	const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
	return cyrillic > latin ? 'ru' : 'en';
}

/** Lower-case Latin slug of at most `words` words: Cyrillic is transliterated. */
export function slugify(text: string, words = 6): string {
	const ascii = transliterate(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
	return ascii.split('-').filter(Boolean).slice(0, words).join('-');
}

// Intl.Segmenter (Node's ICU, without abbreviation suppressions) ends a sentence after "Mr." or "г.": such a
// segment is joined to the next. Also after a one-letter initial ("J. Smith"), and before a lower-case or digit start.
const ABBREVIATION: Record<Lang, RegExp> = {
	en: /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Sen|Rep|Gov|Pres|Amb|Rev|St|Jr|Sr|No|vs|etc|e\.g|i\.e|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|\p{Lu})\.$/u,
	ru: /(?:^|[\s(])(?:г|гг|т\.е|т\.д|т\.п|т\.ч|т\.н|др|пр|ген|им|ст|см|ср|тыс|млн|млрд|руб|долл|ул|пос|обл|р-н|ок|н\.э|\p{Lu})\.$/iu,
};

/** Sentences with their offsets: paragraphs split at blank lines, then Intl.Segmenter's sentences. */
export function splitSentences(text: string, lang: Lang): Sentence[] {
	const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
	const sentences: Sentence[] = [];
	let paragraph = 0;
	for (const block of text.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) {
		if (!block[0].trim()) continue;
		let pending: { start: number; end: number } | undefined;
		const push = () => {
			if (!pending) return;
			const raw = block[0].slice(pending.start, pending.end);
			const trimmed = raw.trim();
			if (trimmed) sentences.push({ text: trimmed, start: block.index + pending.start + raw.indexOf(trimmed), paragraph });
			pending = undefined;
		};
		for (const { segment, index } of segmenter.segment(block[0])) {
			const next = block[0].slice(index).trimStart();
			if (pending && (ABBREVIATION[lang].test(block[0].slice(pending.start, pending.end).trimEnd()) || /^[\p{Ll}\p{N}]/u.test(next))) {
				pending.end = index + segment.length;
				continue;
			}
			push();
			pending = { start: index, end: index + segment.length };
		}
		push();
		paragraph++;
	}
	return sentences;
}

function uniqueInOrder(ids: Iterable<string>): string[] {
	return [...new Set(ids)];
}

// Kinds the draft guesses from a word of the sentence; the author reviews every one.
const KIND_WORDS: [RegExp, string][] = [
	[/(?<!\p{L})(?:снят\p{L}*\s+санкц|смягчен\p{L}*\s+санкц|lift\p{L}*\s+(?:the\s+)?sanctions|sanctions relief|eas\p{L}*\s+sanctions)/iu, 'sanctions-relief'],
	[/(?<!\p{L})(?:санкци|sanction)/iu, 'sanctions'],
	[/(?<!\p{L})(?:переворот|coup)/iu, 'coup'],
	[/(?<!\p{L})(?:посетил|посетили|визит|visit)/iu, 'visit'],
	[/(?<!\p{L})(?:разведывательн|разведданн|intelligence)/iu, 'intelligence-sharing'],
	[/(?<!\p{L})(?:встреч|переговор|met\b|meeting|talks)/iu, 'meeting'],
	[/(?<!\p{L})(?:соглашени|договор|agreement|deal\b)/iu, 'agreement'],
	[/(?<!\p{L})(?:наемник|заменил|развернул|deploy|replaced)/iu, 'deployment'],
	[/(?<!\p{L})(?:вывод\p{L}*\s+войск|withdr)/iu, 'withdrawal'],
	[/(?<!\p{L})(?:атак|нападени|attack)/iu, 'attack'],
	[/(?<!\p{L})(?:освобожд|release)/iu, 'release'],
	[/(?<!\p{L})(?:выбор|election)/iu, 'election'],
	[/(?<!\p{L})(?:заявил|заявлени|said|stated|announced|объявил)/iu, 'statement'],
];

function guessKind(clause: string): { kind: string; from?: string } {
	for (const [pattern, kind] of KIND_WORDS) {
		const m = pattern.exec(clause);
		if (m) return { kind, from: m[0] };
	}
	return { kind: 'other' };
}

/** Several expressions next to each other ("10 марта 2024 года, в понедельник") date one thing: keep the most precise. */
function mergeAdjacent(expressions: DateExpression[], sentence: string): DateExpression[] {
	const out: DateExpression[] = [];
	for (const expression of expressions) {
		const previous = out.at(-1);
		if (previous && /^[\s,()–—-]{0,3}$/.test(sentence.slice(previous.index + previous.text.length, expression.index))) {
			if (!previous.resolved && expression.resolved) out[out.length - 1] = expression;
			continue;
		}
		out.push(expression);
	}
	return out;
}

const CAPITALISED = /^\p{Lu}/u;
// Generic acronyms that name no one in particular.
const NOT_NAMES = new Set(['СМИ', 'НКО', 'ВВП', 'ИИ']);
const LEGAL_PREFIX = /(?<!\p{L})(?:ЧВК|ООО|ОАО|ЗАО|ПАО|АО|НКО|ФГУП|ГК|МПО)\s+«[^»\n]{1,60}»/gu;
const QUOTED_NAME = /«(\p{Lu}[^»\n]{0,60})»/gu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;

interface Span {
	start: number;
	end: number;
}
const overlaps = (a: Span, spans: Span[]) => spans.some((b) => a.start < b.end && b.start < a.end);

/** Names that look like actors but match none: capitalised runs, «quoted names», ЧВК/ООО «…». */
export function findCandidates(text: string, sentences: Sentence[], matcher: MentionMatcher, lang: Lang): Candidate[] {
	const mentioned: Span[] = findMentions(text, matcher);
	// Words written with a capital inside a sentence somewhere: a sentence's first word is a name only if it is one of them.
	const capitalisedInside = new Set<string>();
	for (const sentence of sentences)
		for (const m of sentence.text.matchAll(WORD)) if (m.index > 0 && CAPITALISED.test(m[0])) capitalisedInside.add(m[0]);
	const outlets = new Set(findCites(sentences, lang, matcher).map((cite) => cite.outlet));
	const found = new Map<string, Candidate>();
	const add = (name: string, sentence: string) => {
		const key = [...stems(name, lang)].join(' ') || name.toLowerCase();
		const hit = found.get(key);
		if (hit) hit.count++;
		else {
			const plain = name.replace(/^(?:ЧВК|ООО|ОАО|ЗАО|ПАО|АО|НКО|ФГУП|ГК|МПО)\s+/u, '').replace(/[«»"]/g, '');
			const id = slugify(plain, 5) || 'actor';
			const en = /\p{Script=Cyrillic}/u.test(plain) ? transliterate(plain) : plain;
			const ru = /\p{Script=Cyrillic}/u.test(name) ? name : plain;
			const kind = outlets.has(plain) ? ' --kind media' : '';
			const command = `npm run new-actor -- ${id} --en ${JSON.stringify(en)} --ru ${JSON.stringify(ru)}${kind}`;
			found.set(key, { name, count: 1, sentence, id, command });
		}
	};
	for (const sentence of sentences) {
		const abs = (s: Span): Span => ({ start: s.start + sentence.start, end: s.end + sentence.start });
		const claimed: Span[] = [];
		for (const pattern of [LEGAL_PREFIX, QUOTED_NAME]) {
			for (const m of sentence.text.matchAll(pattern)) {
				const span = { start: m.index, end: m.index + m[0].length };
				if (overlaps(abs(span), mentioned) || overlaps(span, claimed)) continue;
				claimed.push(span);
				add(m[0], sentence.text);
			}
		}
		// Runs of capitalised words ("Уильям Стивенс", "New York Times"); a sentence's first word ("Теперь",
		// "Компания") belongs to the run only if the text also capitalises it inside a sentence.
		let run: { start: number; end: number; words: string[] } | undefined;
		const flush = () => {
			if (!run) return;
			const words = [...run.words];
			let start = run.start;
			if (start === 0 && !capitalisedInside.has(words[0]!)) {
				words.shift();
				const next = sentence.text.slice(start).search(/[\s\u00A0-]/);
				start = next === -1 ? run.end : start + next + 1;
			}
			if (words.length && !(words.length === 1 && NOT_NAMES.has(words[0]!))) add(sentence.text.slice(start, run.end), sentence.text);
			run = undefined;
		};
		for (const m of sentence.text.matchAll(WORD)) {
			const span = { start: m.index, end: m.index + m[0].length };
			const capital = CAPITALISED.test(m[0]) && !overlaps(abs(span), mentioned) && !overlaps(span, claimed);
			const joined = run && /^[ \u00A0-]$/.test(sentence.text.slice(run.end, span.start));
			if (capital && run && joined) {
				run.end = span.end;
				run.words.push(m[0]);
			} else {
				flush();
				if (capital) run = { ...span, words: [m[0]] };
			}
		}
		flush();
	}
	return [...found.values()].sort((a, b) => b.count - a.count);
}

const CITE_NAME = String.raw`((?:The\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,4}|«[^»\n]{1,60}»)`;
// Case matters in the name (a capital starts it), so the verbs spell out both cases of their first letter.
const CITES: Record<Lang, RegExp> = {
	ru: new RegExp(
		String.raw`(?<!\p{L})(?:[Пп]о данным|[Пп]о информации|[Пп]о сведениям|[Сс]ообщает|[Сс]ообщают|[Сс]ообщило|[Сс]ообщила|[Сс]ообщил|[Кк]ак пишет|[Пп]ишет|[Кк]ак передает|[Пп]ередает|[Сс]о ссылкой на)\s+(?:источников\s+|издания\s+|газеты\s+|агентства\s+|телеканала\s+|журнала\s+)?` + CITE_NAME,
		'gu',
	),
	en: new RegExp(
		String.raw`\b(?:[Aa]ccording to|[Rr]eported by|[Cc]iting|[Rr]eports? from)\s+(?:sources\s+(?:at|in)\s+)?(?:the\s+(?=\p{Lu}))?` + CITE_NAME + String.raw`|` + CITE_NAME + String.raw`\s+(?:reported|reports|wrote)\b`,
		'gu',
	),
};

/** Where a sentence attributes its information ("По информации The Washington Post"): those mentions are sources, not actors of its events. */
export function citeSpans(sentence: string, lang: Lang): Span[] {
	return [...sentence.matchAll(CITES[lang])].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** "по данным X", "сообщает X", "according to X": outlets the article cites, most cited first. */
export function findCites(sentences: Sentence[], lang: Lang, matcher: MentionMatcher): CiteCandidate[] {
	const found = new Map<string, CiteCandidate>();
	for (const sentence of sentences) {
		for (const m of sentence.text.matchAll(CITES[lang])) {
			const raw = (m[1] ?? m[2])!.trim().replace(/[.'’-]+$/, '');
			// A known actor is cited by its name in the article's language; others as written.
			const known = findMentions(raw, matcher)[0];
			const outlet = known && known.matched.length >= raw.replace(/^The\s+/, '').length - 1 ? matcher.names.get(known.actorId)![lang] : raw.replace(/^«|»$/g, '');
			const hit = found.get(outlet);
			if (hit) hit.count++;
			else found.set(outlet, { outlet, count: 1, sentence: sentence.text });
		}
	}
	return [...found.values()].sort((a, b) => b.count - a.count);
}

/** Draft events: one per resolved date expression, with the actors named in its clause. */
export function findEvents(sentences: Sentence[], lang: Lang, published: Date, matcher: MentionMatcher): DraftEvent[] {
	const dated: DatedSentence[] = sentences.map((s) => ({
		expressions: mergeAdjacent(findDateExpressions(s.text, lang, published), s.text),
		stems: stems(s.text, lang),
		paragraph: s.paragraph,
	}));
	resolveRelative(dated, lang, published);
	const events: DraftEvent[] = [];
	let previousActors: string[] = [];
	sentences.forEach((sentence, i) => {
		const sources = citeSpans(sentence.text, lang);
		const actorsIn = (from: number, to: number) =>
			uniqueInOrder(
				findMentions(sentence.text, matcher)
					.filter((m) => m.start >= from && m.end <= to && !overlaps(m, sources))
					.map((m) => m.actorId),
			);
		const sentenceActors = actorsIn(0, sentence.text.length);
		const resolved = dated[i]!.expressions.filter((e) => e.resolved);
		resolved.forEach((expression, j) => {
			const from = j === 0 ? 0 : expression.index;
			const to = resolved[j + 1]?.index ?? sentence.text.length;
			const clause = sentence.text.slice(from, to);
			const clauseActors = actorsIn(from, to);
			const actors = clauseActors.length ? clauseActors : sentenceActors.length ? sentenceActors : previousActors;
			// The date words say when, not what: "после переворота 2021 года" does not make the event a coup.
			const at = expression.index - from;
			const { kind, from: kindFrom } = guessKind(clause.slice(0, at) + ' ' + clause.slice(at + expression.text.length));
			events.push({
				date: toEdtf(expression.resolved!),
				resolved: expression.resolved!,
				expression: expression.text,
				note: sentence.text,
				actors,
				actorsBorrowed: !clauseActors.length && !sentenceActors.length,
				kind,
				kindFrom,
			});
		});
		if (sentenceActors.length) previousActors = sentenceActors;
	});
	return events;
}

/** YAML double-quoted string (JSON's escapes are YAML's; line and paragraph separators escaped too). */
function q(value: string): string {
	return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** One line for a YAML comment: no line breaks, at most `max` characters. */
function commentText(value: string, max = 120): string {
	const flat = value.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const TODO_SUMMARY = 'TODO: one English paragraph on what the article reports.';
export const TODO_TITLE = 'TODO: the headline, in the language of the article.';
export const TODO_EVENT_TITLE = 'TODO: what happened, in one English line.';

/** Builds the whole draft: file name and Markdown with the frontmatter and the text unchanged. */
export function buildDraft(options: ImportOptions): Draft {
	const { text, published, lang, matcher } = options;
	const day = published.toISOString().slice(0, 10);
	const sentences = splitSentences(text, lang);
	const firstLine = text.split('\n').find((line) => line.trim()) ?? '';
	const slug = `${day}-${slugify(options.title ?? firstLine) || 'article'}`;
	const titleActors = options.title ? findMentions(options.title, matcher).map((m) => m.actorId) : [];
	const actors = uniqueInOrder([...titleActors, ...findMentions(text, matcher).map((m) => m.actorId)]);
	const events = findEvents(sentences, lang, published, matcher);
	const cites = findCites(sentences, lang, matcher);
	const candidates = findCandidates(text, sentences, matcher, lang);

	const out: string[] = ['---'];
	out.push('# Draft written by `npm run import`. Review every TODO and guess below against the text,');
	out.push('# then remove `draft: true`: `npm run check` refuses to publish a draft.');
	out.push('draft: true');
	out.push(`title: ${q(options.title ?? TODO_TITLE)}`);
	if (!options.title) out.push(`# first line: ${commentText(firstLine)}`);
	out.push(`date: ${day}`);
	out.push(`lang: ${lang}`);
	out.push(`summary: ${q(TODO_SUMMARY)}`);
	if (options.outlet || options.url) {
		const parts = [options.outlet ? `outlet: ${q(options.outlet)}` : '', options.url ? `url: ${q(options.url)}` : ''].filter(Boolean);
		out.push(`source: { ${parts.join(', ')} }`);
	} else out.push('# source: { outlet: "…", url: "https://…" }');
	if (cites.length) {
		out.push('# cites: outlets the text attributes its information to ("по данным X", "сообщает X", "according to X");');
		out.push('# add `via:` for whom each outlet cites, and remove any that is not a source.');
		out.push('cites:');
		for (const cite of cites) {
			out.push(`  - { outlet: ${q(cite.outlet)} }`);
			out.push(`    # ${cite.count}×, first: ${commentText(cite.sentence)}`);
		}
	} else out.push('cites: []  # TODO: who the article says said it: { outlet: "…", via: "…" }');
	out.push('# actors: every known actor the text names, in order of first mention.');
	out.push(actors.length ? 'actors:' : 'actors: []  # TODO: the text names no known actor; list at least one');
	for (const id of actors) out.push(`  - ${id}`);
	if (candidates.length) {
		out.push('# Names that look like actors but match none in content/actors/: count, first sentence, and the command');
		out.push('# to create each (its --ru is the form the text uses: make it the nominative, and add the other cases as forms).');
		for (const candidate of candidates) {
			out.push(`#   ${candidate.name} — ${candidate.count}×: ${commentText(candidate.sentence, 100)}`);
			out.push(`#     ${candidate.command}`);
		}
	}
	out.push('# events: one per date expression, dated from the article date; the sentence is the note.');
	out.push(events.length ? 'events:' : 'events: []');
	for (const event of events) {
		out.push(`  - date: ${q(event.date)}  # from "${commentText(event.expression, 60)}"`);
		out.push(`    title: ${q(TODO_EVENT_TITLE)}`);
		out.push(`    kind: ${event.kind}  # ${event.kindFrom ? `guessed from "${commentText(event.kindFrom, 40)}"` : 'TODO: no guess'}; check it`);
		out.push(`    actors: [${event.actors.join(', ')}]${event.actorsBorrowed ? '  # the sentence names no actor: these are from an earlier one' : ''}`);
		out.push(`    note: ${q(event.note)}`);
	}
	out.push('relations: []  # TODO: relations the article states, e.g. { from: russia, to: mali-junta, kind: military-partnership }');
	out.push('---');
	const markdown = `${out.join('\n')}\n${text}`;
	return { slug, markdown, actors, events, cites, candidates };
}
