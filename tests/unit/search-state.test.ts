import { describe, expect, it } from 'vitest';
import { isSearchable, pagefindFilters, pagefindSort, parseSearchState, searchStateToQuery } from '../../src/client/search/state.ts';

describe('search state in the URL', () => {
	it('round-trips query, filters and sort', () => {
		const query = '?q=%D0%92%D0%B0%D0%B3%D0%BD%D0%B5%D1%80&type=article&actor=russia&year=2025&sort=newest';
		const state = parseSearchState(query);
		expect(state).toEqual({ q: 'Вагнер', filters: { type: 'article', actor: 'russia', year: '2025' }, sort: 'newest' });
		expect(searchStateToQuery(state)).toBe(query);
		expect(parseSearchState(searchStateToQuery(state))).toEqual(state);
	});
	it('drops empty values, unknown parameters and the default sort', () => {
		const state = parseSearchState('?q=+&actor=&bloc=us&sort=sideways&utm_source=x');
		expect(state).toEqual({ q: '', filters: { bloc: 'us' }, sort: 'relevance' });
		expect(searchStateToQuery(state)).toBe('?bloc=us');
		expect(searchStateToQuery(parseSearchState(''))).toBe('');
	});
	it('maps to Pagefind search options', () => {
		const state = parseSearchState('?q=Wagner&actor=russia&sort=oldest');
		expect(pagefindFilters(state)).toEqual({ actor: ['russia'] });
		expect(pagefindSort(state)).toEqual({ date: 'asc' });
		expect(pagefindSort(parseSearchState('?q=x'))).toBeUndefined();
		expect(isSearchable(parseSearchState('?actor=us'))).toBe(true);
		expect(isSearchable(parseSearchState('?q='))).toBe(false);
	});
	it('the language filter is lang= in the URL (as the README documents); the old language= still reads', () => {
		expect(parseSearchState('?q=x&lang=ru').filters).toEqual({ language: 'ru' });
		expect(parseSearchState('?q=x&language=ru').filters).toEqual({ language: 'ru' });
		expect(searchStateToQuery(parseSearchState('?language=ru&q=x'))).toBe('?q=x&lang=ru');
		expect(pagefindFilters(parseSearchState('?lang=en'))).toEqual({ language: ['en'] });
	});
});
