import { describe, it, expect } from 'vitest';
import { boundsOf, chronoKey, compareBounds, compareChronologically, formatEdtf, htmlDatetime, precisionOf, yearOf } from '../../src/model/dates.ts';

describe('formatEdtf', () => {
	it.each([
		['2021', '2021'],
		['2025-07', 'July 2025'],
		['2025-09-15', '15 Sep 2025'],
		['2025-09-08/2025-09-14', '8–14 Sep 2025'],
		['2025-08-28/2025-09-03', '28 Aug – 3 Sep 2025'],
		['2025-07/2025-09', 'Jul–Sep 2025'],
		['2024-07/2025-03', 'Jul 2024 – Mar 2025'],
		['2021/2023', '2021–2023'],
		['2021/2025-01', '2021 – Jan 2025'],
		['2024-12-30/2025-01-02', '30 Dec 2024 – 2 Jan 2025'],
		['2025-07/2025-07', 'July 2025'],
		['2023~', 'c. 2023'],
		['2023?', '2023?'],
		['2023%', 'c. 2023?'],
		['2023?~', 'c. 2023?'],
		['2025-07~', 'c. July 2025'],
		['2025-07~/2025-09', 'c. Jul 2025 – Sep 2025'],
		['2021/..', 'from 2021'],
		['../2021', 'until 2021'],
		['2025-07/..', 'from July 2025'],
		['2021/', '2021 – ?'],
		['/2021', '? – 2021'],
		['../..', 'date unknown'],
		['201X', '2010s'],
	])('%s → %s', (edtf, shown) => {
		expect(formatEdtf(edtf)).toBe(shown);
	});

	it('does not depend on the default locale', () => {
		expect(formatEdtf('2025-01-05')).toBe('5 Jan 2025');
		expect(formatEdtf('2025-12')).toBe('December 2025');
	});
});

describe('htmlDatetime', () => {
	// HTML year, month and date strings (HTML §2.3.5): 4+ digit year above zero.
	const valid = /^(?:\d{4,}|\d{4,}-(0[1-9]|1[0-2])|\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))$/;

	it.each([
		['2021', '2021'],
		['2025-07', '2025-07'],
		['2025-09-15', '2025-09-15'],
		['2025-09-08/2025-09-14', '2025-09-08'],
		['2021/2025-01', '2021'],
		['2025-07/2025-09', '2025-07'],
		['2023~', '2023'],
		['2023%', '2023'],
		['2021/..', '2021'],
		['../2025-03', '2025-03'],
		['/2021', '2021'],
		['0800', '0800'],
		['2021-03-05T10:00:00Z', '2021-03-05'],
	])('%s → %s', (edtf, value) => {
		expect(htmlDatetime(edtf)).toBe(value);
		expect(htmlDatetime(edtf)).toMatch(valid);
	});

	it('gives null rather than an invalid value when no date is known or representable', () => {
		expect(htmlDatetime('../..')).toBeNull();
		expect(htmlDatetime('-0100')).toBeNull();
	});
});

describe('ordering', () => {
	const sorted = (dates: string[]) =>
		[...dates].map((d) => ({ bounds: boundsOf(d), title: 'x' })).sort(compareChronologically).map((e) => e.bounds.edtf);

	it('puts a year before its months and a month before its days', () => {
		expect(sorted(['2021-03-05', '2021-03', '2021'])).toEqual(['2021', '2021-03', '2021-03-05']);
		expect(sorted(['2025-07', '2025'])).toEqual(['2025', '2025-07']);
	});

	it('orders by earliest day, then latest day', () => {
		expect(sorted(['2021/2025-09', '2021/2025-01', '2021', '2020-12-31'])).toEqual(['2020-12-31', '2021', '2021/2025-01', '2021/2025-09']);
		expect(sorted(['2025-09-08/2025-09-14', '2025-09', '2025-07/2025-09', '2025-07'])).toEqual([
			'2025-07',
			'2025-07/2025-09',
			'2025-09',
			'2025-09-08/2025-09-14',
		]);
	});

	it('puts exact dates before approximate and uncertain ones of the same span', () => {
		expect(sorted(['2021?', '2021~', '2021'])).toEqual(['2021', '2021~', '2021?']);
	});

	it('sorts an unknown start by its end and an open or unknown end last', () => {
		expect(chronoKey(boundsOf('../2021')).start).toBe(chronoKey(boundsOf('2021-12-31')).start);
		expect(chronoKey(boundsOf('2021/..')).end).toBe(Infinity);
		expect(chronoKey(boundsOf('2021/')).end).toBe(Infinity);
		expect(sorted(['2021/..', '2021/2022', '../2021', '2021'])).toEqual(['2021', '2021/2022', '2021/..', '../2021']);
		expect(compareBounds(boundsOf('../..'), boundsOf('2999'))).toBeGreaterThan(0);
	});

	it('breaks ties by title', () => {
		const a = { bounds: boundsOf('2025'), title: 'Alpha' };
		const b = { bounds: boundsOf('2025'), title: 'Beta' };
		expect([b, a].sort(compareChronologically)).toEqual([a, b]);
	});
});

describe('yearOf and precisionOf', () => {
	it('groups by the earliest year, or the latest when the start is unknown', () => {
		expect(yearOf('2021/2025-01')).toBe(2021);
		expect(yearOf('../2023')).toBe(2023);
		expect(yearOf('/2023-05')).toBe(2023);
		expect(yearOf('2024-12-30/2025-01-02')).toBe(2024);
		expect(yearOf('../..')).toBeNull();
	});

	it('names the precision of the start', () => {
		expect(precisionOf('2021')).toBe('year');
		expect(precisionOf('2025-07/2025-09-03')).toBe('month');
		expect(precisionOf('../2025-09-03')).toBe('day');
		expect(precisionOf('2021-XX')).toBe('year');
	});
});
