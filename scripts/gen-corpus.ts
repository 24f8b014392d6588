// Writes N synthetic, deterministic articles (Russian-like text, real actors) for scale work:
//   npm run gen-corpus -- --count 10000 [--out corpus/10000] [--seed 1] [--vocab small|realistic]
// then point the build or the check at it: CONTENT_DIR=corpus/10000 npm run check
// --vocab small (the default) writes sentences from ~80 news words, so every word is on most pages;
// --vocab realistic draws words with a Zipf law (rank r has weight 1/r) from the ~143,000 Russian words of
// the Hunspell dictionary in `dictionary-ru`, as text does: a few words everywhere, most words rare.
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/input/check.ts';
import { EVENT_KINDS } from '../src/schema/event.ts';
import { RELATION_KINDS } from '../src/schema/relation.ts';

const { values } = parseArgs({
	options: {
		count: { type: 'string', default: '1000' },
		out: { type: 'string' },
		seed: { type: 'string', default: '1' },
		actors: { type: 'string', default: 'content/actors' },
		vocab: { type: 'string', default: 'small' },
	},
});
if (values.vocab !== 'small' && values.vocab !== 'realistic') throw new Error(`--vocab: found "${values.vocab}", expected "small" or "realistic"`);
const count = Number(values.count);
const out = resolve(values.out ?? `corpus/${count}`);
if (!out.includes('corpus') && !out.startsWith('/tmp')) throw new Error(`Refusing to write a corpus outside a corpus/ or /tmp folder: ${out}`);

/** mulberry32: a tiny seeded PRNG, so the same seed always gives the same corpus. */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = prng(Number(values.seed));
const int = (n: number) => Math.floor(random() * n);
const pick = <T,>(list: readonly T[]): T => list[int(list.length)];
const sample = <T,>(list: readonly T[], n: number): T[] => {
	const copy = [...list];
	const result: T[] = [];
	while (result.length < n && copy.length) result.push(copy.splice(int(copy.length), 1)[0]);
	return result;
};

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'articles'), { recursive: true });
cpSync(resolve(values.actors), join(out, 'actors'), { recursive: true });
const { actors } = checkContent(resolve(values.actors, '..'));
const actorIds = [...actors.keys()];
const principals = actorIds.filter((id) => actors.get(id)!.data.bloc === id);
// Inflected forms as they occur in text: names and Russian aliases.
const mentionForms = new Map(actorIds.map((id) => [id, [actors.get(id)!.data.name.ru, ...actors.get(id)!.data.aliases.ru, ...actors.get(id)!.data.forms.ru]]));

const WORDS = `сообщает издание по данным источников правительство заявило переговоры продолжаются вопрос безопасности
региона сотрудничество военные поставки соглашение санкции против официальные представители встреча в столице
стороны обсудили обмен информацией наступление группировок позиции армии экономические объекты помощь поддержка
делегация визит министр представитель заявление политика стратегия партнер отношения нормализация решение решил
ранее позже в частности как уточняет газета по словам собеседников в последние месяцы на прошлой неделе`.split(/\s+/);
const OUTLETS = ['The Washington Post', 'Reuters', 'Le Monde', 'RFI', 'Коммерсантъ', 'Медуза', 'Jeune Afrique', 'The New York Times'];
const PLACES = ['Bamako', 'Moscow', 'Minsk', 'Washington', 'Niamey', 'Ouagadougou', 'Kidal', 'Gao', 'Timbuktu'];

/**
 * The realistic vocabulary: the news words above first, then the dictionary's lowercase words in a seeded
 * random order, drawn by rank with weight 1/rank (Zipf's law, exponent 1).
 */
async function zipfVocabulary(): Promise<() => string> {
	const { default: dictionary } = await import('dictionary-ru');
	const dic = new TextDecoder().decode(dictionary.dic).split('\n').slice(1);
	const words = dic.map((line) => line.split('/')[0].trim()).filter((w) => /^[а-яё][а-яё-]*[а-яё]$/.test(w));
	for (let i = words.length - 1; i > 0; i--) {
		const j = int(i + 1);
		[words[i], words[j]] = [words[j], words[i]];
	}
	const ranked = [...new Set([...WORDS, ...words])];
	const cumulative = new Float64Array(ranked.length);
	let sum = 0;
	ranked.forEach((_, r) => (cumulative[r] = sum += 1 / (r + 1)));
	return () => {
		const x = random() * sum;
		let lo = 0;
		let hi = ranked.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid] < x) lo = mid + 1;
			else hi = mid;
		}
		return ranked[lo];
	};
}
const word = values.vocab === 'realistic' ? await zipfVocabulary() : () => pick(WORDS);

function sentence(mentions: string[]): string {
	const words = Array.from({ length: 8 + int(12) }, () => word());
	for (const m of mentions) words.splice(int(words.length), 0, m);
	const text = words.join(' ');
	return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const START = Date.UTC(2021, 0, 1);
const END = Date.UTC(2025, 11, 31);

// Shared events: several articles report the same one, with one date.
const sharedEvents = Array.from({ length: Math.max(10, Math.round(count / 4)) }, (_, i) => {
	const at = START + int(END - START);
	const precision = int(10);
	const date = precision < 2 ? day(at).slice(0, 4) : precision < 5 ? day(at).slice(0, 7) : day(at);
	return {
		id: `shared-event-${i + 1}`,
		date,
		at,
		title: `${pick(['Talks', 'Visit', 'Statement', 'Sanctions', 'Deployment', 'Agreement'])} involving ${pick(principals)} (${i + 1})`,
		kind: pick(EVENT_KINDS),
		actors: [pick(principals), pick(actorIds)].filter((v, j, a) => a.indexOf(v) === j),
	};
});

const yamlString = (s: string) => JSON.stringify(s);
for (let n = 1; n <= count; n++) {
	const published = START + int(END - START) + 86_400_000 * 30;
	const date = day(published);
	const lang = random() < 0.8 ? 'ru' : 'en';
	const ids = [pick(principals), ...sample(actorIds, 2 + int(5))].filter((v, i, a) => a.indexOf(v) === i);
	const events: string[] = [];
	for (let e = 0; e < 1 + int(9); e++) {
		const shared = random() < 0.4 ? pick(sharedEvents) : undefined;
		if (shared && shared.at <= published - 86_400_000 * 366) {
			for (const a of shared.actors) if (!ids.includes(a)) ids.push(a);
			events.push(`  - { id: ${shared.id}, date: "${shared.date}", title: ${yamlString(shared.title)}, kind: ${shared.kind}, actors: [${shared.actors.join(', ')}] }`);
			continue;
		}
		const at = START + int(Math.max(1, published - START - 86_400_000 * 7));
		const roll = int(10);
		const edtf = roll < 2 ? day(at).slice(0, 4) : roll < 4 ? day(at).slice(0, 7) : roll < 5 ? `${day(at).slice(0, 7)}~` : roll < 6 ? `${day(at)}/${day(at + 86_400_000 * (1 + int(6)))}` : day(at);
		const who = sample(ids, 1 + int(3));
		events.push(`  - { date: "${edtf}", title: ${yamlString(`Event ${n}.${e + 1}: ${pick(['visit', 'statement', 'talks', 'attack', 'agreement'])} in ${pick(PLACES)}`)}, kind: ${pick(EVENT_KINDS)}, actors: [${who.join(', ')}], place: ${pick(PLACES)} }`);
	}
	const relations = Array.from({ length: int(3) }, () => {
		const [from, to] = sample(ids, 2);
		return to ? `  - { from: ${from}, to: ${to}, kind: ${pick(RELATION_KINDS)}, since: "${date.slice(0, 4)}" }` : '';
	}).filter(Boolean);
	const outlet = pick(OUTLETS);
	const paragraphs = Array.from({ length: 3 + int(5) }, (_, p) => {
		const mention = ids.slice(p * 2, p * 2 + 2).map((id) => pick(mentionForms.get(id)!));
		return Array.from({ length: 2 + int(4) }, (_, s) => sentence(s === 0 ? mention : [])).join(' ');
	});
	const file = [
		'---',
		`title: ${yamlString(`${lang === 'ru' ? 'Обзор' : 'Review'} ${n}: ${ids.slice(0, 2).map((id) => actors.get(id)!.data.name[lang === 'ru' ? 'ru' : 'en']).join(' и ')}`)}`,
		`date: ${date}`,
		`lang: ${lang}`,
		`summary: ${yamlString(`Synthetic article ${n} about ${ids.map((id) => actors.get(id)!.data.name.en).join(', ')}.`)}`,
		`source: { outlet: ${yamlString(outlet)}, url: "https://example.org/${n}" }`,
		`cites:\n  - { outlet: ${yamlString(pick(OUTLETS))}, via: "officials, unnamed" }`,
		`actors: [${ids.join(', ')}]`,
		events.length ? `events:\n${events.join('\n')}` : 'events: []',
		relations.length ? `relations:\n${relations.join('\n')}` : 'relations: []',
		'---',
		paragraphs.join('\n\n'),
		'',
	].join('\n');
	writeFileSync(join(out, 'articles', `${date}-synthetic-${String(n).padStart(5, '0')}.md`), file);
}
console.log(`Wrote ${count} articles (${values.vocab} vocabulary) and ${readdirSync(join(out, 'actors')).length} actors to ${out}`);
