import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchingSentence, openingSentence, sentences, wholeText, withoutTitle } from '../../src/client/search/excerpt.ts';
import { actorsNamed, expandQuery, type ActorNames } from '../../src/client/search/expand.ts';
import { fold, pagefindTerm, phraseOf, queryStems, stemWord } from '../../src/client/search/query.ts';
import { WORD_FORMS } from '../fixtures/word-forms.ts';

const actors: ActorNames[] = JSON.parse(
	JSON.stringify([
		{ id: 'wagner-group', names: ['Wagner Group', 'ЧВК «Вагнер»', 'Wagner', 'PMC Wagner', 'Вагнер', '«Вагнер»', 'Вагнера', 'группа Вагнера'] },
		{ id: 'mali-junta', names: ['Mali junta', 'Малийская хунта', 'Malian junta', 'хунта', 'хунтой'] },
		{ id: 'us', names: ['United States', 'США', 'US'] },
		{ id: 'us-congress', names: ['US Congress', 'Конгресс США'] },
		{ id: 'cia', names: ['Central Intelligence Agency', 'ЦРУ', 'CIA'] },
	]),
);

describe('query stems', () => {
	for (const [word, forms] of Object.entries(WORD_FORMS)) {
		it(`every form of “${word}” sends Pagefind the same term`, () => {
			const terms = new Set(forms.map((f) => pagefindTerm(f)));
			expect([...terms]).toHaveLength(1);
			// …which is a prefix of every form as written (the index keeps words unstemmed), й and ё folded as Pagefind folds them.
			for (const form of forms) expect(fold(form.replace(/[«»]/g, ''))).toMatch(new RegExp(`^${fold([...terms][0])}`));
		});
	}
	it('keeps й in the stem (Pagefind would turn хунтой into хунтои) and folds ё', () => {
		expect(stemWord('хунтой')).toBe('хунт');
		expect(stemWord('малийской')).toBe('малийск');
		expect(stemWord('Вооружённые')).toBe(stemWord('Вооруженные'));
	});
	it('does not cut nouns with verb or reflexive endings (Snowball: Гоите → го, Беларусь → белар)', () => {
		expect(stemWord('Гоите')).toBe('гоит');
		expect(stemWord('Беларусь')).toBe('беларус');
	});
	it('English: possessive and plural s dropped, the rest prefix-matched; punctuation around words dropped', () => {
		expect(queryStems("Belavia's sanctions Corps process «Вагнер»,")).toEqual(['belavia', 'sanction', 'corp', 'process', 'вагнер']);
		expect(pagefindTerm('  Africa   Corps ')).toBe('africa corp');
	});
	it('a query in double quotes is Pagefind’s exact phrase search and goes as typed', () => {
		expect(pagefindTerm('"правила игры"')).toBe('"правила игры"');
	});
});

describe('query expansion through the actors’ names', () => {
	it('a name in one language finds the actor, with its names in both languages as stems', () => {
		const wagner = expandQuery('Wagner', actors);
		expect(wagner.actorIds).toEqual(['wagner-group']);
		expect(wagner.phrases).toEqual([['wagner', 'group'], ['чвк', 'вагнер'], ['wagner'], ['pmc', 'wagner'], ['вагнер'], ['групп', 'вагнер']]);
		expect(expandQuery('Вагнера', actors).actorIds).toEqual(['wagner-group']);
	});
	it('a word of one actor’s name only (junta) names it; a word of several (US) names the one called exactly that', () => {
		expect(actorsNamed('junta', actors).map((a) => a.id)).toEqual(['mali-junta']);
		expect(actorsNamed('US', actors).map((a) => a.id)).toEqual(['us']);
		expect(actorsNamed('Congress', actors).map((a) => a.id)).toEqual(['us-congress']);
		expect(expandQuery('intelligence', actors).phrases).toContainEqual(['цру']);
	});
	it('a query naming no actor, or an exact phrase, expands to nothing', () => {
		expect(expandQuery('sanctions', actors)).toEqual({ actorIds: [], phrases: [] });
		expect(expandQuery('"Wagner"', actors).actorIds).toEqual([]);
	});
});

const ARTICLE = readFileSync('content/articles/2025-09-15-us-mali-junta.md', 'utf8').split('---').slice(2).join('---').replace(/\s+/g, ' ').trim();

describe('excerpts from the text', () => {
	it('the sentence that names the actor, in the article’s language, matches marked as one', () => {
		const phrases = [phraseOf('Wagner'), ...expandQuery('Wagner', actors).phrases];
		const excerpt = matchingSentence(ARTICLE, phrases, { primary: 1 })!;
		expect(excerpt.matched).toBe(true);
		expect(excerpt.html).toContain('<mark>ЧВК «Вагнер»</mark>');
		expect(excerpt.html).toMatch(/^При Джо Байдене .* прав человека\.$/);
	});
	it('any case form marks the sentence with the form the text uses', () => {
		const excerpt = matchingSentence(ARTICLE, [phraseOf('хунта')])!;
		expect(excerpt.html).toContain('<mark>хунтой</mark>');
	});
	it('prefers a sentence with the query’s own words over one with only an actor’s other name', () => {
		const excerpt = matchingSentence('Вагнер пришёл. Обмен разведданными с Вагнером начался.', [phraseOf('разведданные'), phraseOf('Вагнер')], { primary: 1 })!;
		expect(excerpt.html).toBe('Обмен <mark>разведданными</mark> с <mark>Вагнером</mark> начался.');
	});
	it('cuts a long sentence around its match, escapes the text, and does not end sentences at initials', () => {
		const long = `${'слово '.repeat(60)}хунта ${'слово '.repeat(60)}конец.`;
		const excerpt = matchingSentence(long, [phraseOf('хунта')], { maxWords: 10 })!;
		expect(excerpt.html.startsWith('… ')).toBe(true);
		expect(excerpt.html).toContain('<mark>хунта</mark>');
		expect(excerpt.html.split(' ').length).toBeLessThan(14);
		expect(matchingSentence('<хунта> & "co".', [phraseOf('хунта')])!.html).toBe('<mark>&lt;хунта&gt;</mark> &amp; &quot;co&quot;.');
		expect(sentences('c. 2021, Mali. Next one.'.split(' '))).toEqual([[0, 3], [3, 5]]);
		expect(matchingSentence('Nothing here.', [phraseOf('хунта')])).toBeNull();
		expect(openingSentence('First one. Second.')).toEqual({ html: 'First one.', matched: false });
		expect(wholeText('Mali. After the 2021 coup.', [phraseOf('coup')]).html).toBe('Mali. After the 2021 <mark>coup</mark>.');
		expect(withoutTitle('Title here. Body text.', 'Title here')).toBe('Body text.');
	});
});
