// EDTF as the site reads it, checked against the examples of the specification itself
// (https://www.loc.gov/standards/datetime/, levels 0, 1 and 2): bounds, interval or moment, wording, order,
// and what the check refuses, in plain words with a fix.
import { rmSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/input/check.ts';
import { boundsOf, compareChronologically, formatEdtf, htmlDatetime, knownMonth } from '../../src/model/dates.ts';
import { checkEdtf, isEdtfError, readEdtf, type EdtfBounds } from '../../src/schema/edtf.ts';
import { contentTree } from '../fixtures/content-tree.ts';

/** An instant as YYYY-MM-DD (negative years as ISO writes them), null for an open or unknown end. */
const day = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace(/T.*$/, ''));

function read(edtf: string): EdtfBounds {
	const result = readEdtf(edtf);
	if (isEdtfError(result)) throw new Error(`${edtf}: ${result.reason}`);
	return result;
}

type Shape = 'moment' | 'interval' | 'set';
/** [example, earliest, latest, shape]: earliest/latest null where the specification leaves the end open or unknown. */
type Example = [string, string | null, string | null, Shape];

const LEVEL_0: Example[] = [
	['1985-04-12', '1985-04-12', '1985-04-12', 'moment'],
	['1985-04', '1985-04-01', '1985-04-30', 'moment'],
	['1985', '1985-01-01', '1985-12-31', 'moment'],
	['1985-04-12T23:20:30', '1985-04-12', '1985-04-12', 'moment'],
	['1985-04-12T23:20:30Z', '1985-04-12', '1985-04-12', 'moment'],
	['1964/2008', '1964-01-01', '2008-12-31', 'interval'],
	['2004-06/2006-08', '2004-06-01', '2006-08-31', 'interval'],
	['2004-02-01/2005-02-08', '2004-02-01', '2005-02-08', 'interval'],
	['2004-02-01/2005-02', '2004-02-01', '2005-02-28', 'interval'],
	['2004-02-01/2005', '2004-02-01', '2005-12-31', 'interval'],
	['2005/2006-02', '2005-01-01', '2006-02-28', 'interval'],
];

const LEVEL_1: Example[] = [
	['2001-21', '2001-03-01', '2001-05-31', 'moment'],
	['1984?', '1984-01-01', '1984-12-31', 'moment'],
	['2004-06~', '2004-06-01', '2004-06-30', 'moment'],
	['2004-06-11%', '2004-06-11', '2004-06-11', 'moment'],
	['201X', '2010-01-01', '2019-12-31', 'moment'],
	['20XX', '2000-01-01', '2099-12-31', 'moment'],
	['2004-XX', '2004-01-01', '2004-12-31', 'moment'],
	['1985-04-XX', '1985-04-01', '1985-04-30', 'moment'],
	['1985-XX-XX', '1985-01-01', '1985-12-31', 'moment'],
	['1985-04-12/..', '1985-04-12', null, 'interval'],
	['1985-04/..', '1985-04-01', null, 'interval'],
	['1985/..', '1985-01-01', null, 'interval'],
	['../1985-04-12', null, '1985-04-12', 'interval'],
	['../1985-04', null, '1985-04-30', 'interval'],
	['../1985', null, '1985-12-31', 'interval'],
	['1985-04-12/', '1985-04-12', null, 'interval'],
	['1985-04/', '1985-04-01', null, 'interval'],
	['1985/', '1985-01-01', null, 'interval'],
	['/1985-04-12', null, '1985-04-12', 'interval'],
	['/1985-04', null, '1985-04-30', 'interval'],
	['/1985', null, '1985-12-31', 'interval'],
	['-1985', '-001985-01-01', '-001985-12-31', 'moment'],
];

const LEVEL_2: Example[] = [
	// "Some year between 1900 and 1999, estimated to be 1950" (the library alone reports 1950 only).
	['1950S2', '1900-01-01', '1999-12-31', 'moment'],
	['2001-34', '2001-04-01', '2001-06-30', 'moment'],
	['[1667,1668,1670..1672]', '1667-01-01', '1672-12-31', 'set'],
	['[..1760-12-03]', null, '1760-12-03', 'set'],
	['[1760-12..]', '1760-12-01', null, 'set'],
	['[1760-01,1760-02,1760-12..]', '1760-01-01', null, 'set'],
	['[1667,1760-12]', '1667-01-01', '1760-12-31', 'set'],
	['[..1984]', null, '1984-12-31', 'set'],
	['2004-06-~11', '2004-06-11', '2004-06-11', 'moment'],
	['2004?-06-11', '2004-06-11', '2004-06-11', 'moment'],
	['?2004-06-~11', '2004-06-11', '2004-06-11', 'moment'],
	['2004-%06-11', '2004-06-11', '2004-06-11', 'moment'],
	['156X-12-25', '1560-12-25', '1569-12-25', 'moment'],
	['15XX-12-25', '1500-12-25', '1599-12-25', 'moment'],
	// Any December of any year (the library alone starts it at 1900).
	['XXXX-12-XX', '0000-12-01', '9999-12-31', 'moment'],
	['1XXX-XX', '1000-01-01', '1999-12-31', 'moment'],
	['1XXX-12', '1000-12-01', '1999-12-31', 'moment'],
	['1984-1X', '1984-10-01', '1984-12-31', 'moment'],
	['2004-06-~01/2004-06-~20', '2004-06-01', '2004-06-20', 'interval'],
	['2004-06-XX/2004-07-03', '2004-06-01', '2004-07-03', 'interval'],
];

/** The sets issue 10 names, which the `edtf` package bounded wrongly or refused. */
const THIS_SITE: Example[] = [
	['[2021..2025]', '2021-01-01', '2025-12-31', 'set'],
	['[2021..2025-09]', '2021-01-01', '2025-09-30', 'set'],
	['[2021-01..2025-09]', '2021-01-01', '2025-09-30', 'set'],
	['[2021-01-01..2025-09-14]', '2021-01-01', '2025-09-14', 'set'],
	['[2025-07..2025-09]', '2025-07-01', '2025-09-30', 'set'],
	['[2025-09-08..2025-09-14]', '2025-09-08', '2025-09-14', 'set'],
	['[2021..2025-09-15]', '2021-01-01', '2025-09-15', 'set'],
	['[2025-03..2025]', '2025-03-01', '2025-12-31', 'set'],
];

describe.each([
	['level 0', LEVEL_0],
	['level 1', LEVEL_1],
	['level 2', LEVEL_2],
	['sets this site uses', THIS_SITE],
])('the specification’s %s examples', (_, examples) => {
	it.each(examples)('%s: earliest %s, latest %s, %s', (edtf, earliest, latest, shape) => {
		const b = read(edtf);
		expect(day(b.earliest)).toBe(earliest);
		expect(day(b.latest)).toBe(latest);
		expect(b.interval).toBe(shape === 'interval');
		expect(b.set).toBe(shape === 'set');
		// Every form the library reads also has words and an order, without throwing.
		expect(formatEdtf(edtf)).not.toBe('');
	});
});

describe('marks and kinds', () => {
	it('reads qualification of a whole date and of one component', () => {
		expect(read('1984?')).toMatchObject({ uncertain: true, approximate: false });
		expect(read('2004-06~')).toMatchObject({ uncertain: false, approximate: true });
		expect(read('2004-06-11%')).toMatchObject({ uncertain: true, approximate: true });
		expect(read('2004-06-~11')).toMatchObject({ uncertain: false, approximate: true });
		expect(read('2004?-06-11')).toMatchObject({ uncertain: true, approximate: false });
		expect(read('?2004-06-~11')).toMatchObject({ uncertain: true, approximate: true });
		expect(read('2004-06-~01/2004-06-~20')).toMatchObject({ interval: true, approximate: true });
		expect(read('2023?~')).toMatchObject({ uncertain: true, approximate: true });
	});

	it('knows unspecified digits and one-of sets as moments known only within bounds', () => {
		expect(read('2025-07-1X')).toMatchObject({ unspecified: true, interval: false });
		expect(read('[2021..2025-09]')).toMatchObject({ set: true, interval: false });
		expect(read('2021/2025-09')).toMatchObject({ set: false, interval: true });
	});

	it('keeps a set range as one run instead of expanding it (the library alone takes seconds on a range of 73,000 days)', () => {
		const started = performance.now();
		const b = read('[1900-01-01..2100-12-31]');
		expect(performance.now() - started).toBeLessThan(500);
		expect([day(b.earliest), day(b.latest), b.members!.length]).toEqual(['1900-01-01', '2100-12-31', 1]);
		expect(readEdtf('[2025-09-14..2025-09-08]')).toMatchObject({ reason: 'the range 2025-09-14..2025-09-08 runs backwards', fix: 'write the earlier date first: "2025-09-08..2025-09-14"' });
		expect(formatEdtf('[2025-01..2025-03,2025-09]')).toBe('Jan–Mar 2025 or Sep 2025');
	});

	it('refuses lists ("all of these dates"): one event has one date', () => {
		for (const edtf of ['{1667,1668,1670..1672}', '{1960,1961-12}', '{..1984}']) {
			const result = readEdtf(edtf);
			expect(isEdtfError(result), edtf).toBe(true);
			expect((result as { fix: string }).fix).toMatch(/one event per date|one-of set/);
		}
	});

	it('refuses years JavaScript dates cannot hold, with a reason instead of a crash', () => {
		for (const edtf of ['Y170000002', 'Y-170000002', 'Y-17E7', 'Y171010000S3', 'Y3388E2S3']) {
			const result = readEdtf(edtf);
			expect(isEdtfError(result), edtf).toBe(true);
			expect((result as { reason: string }).reason).toMatch(/outside/);
		}
	});
});

describe('wording: an interval lasted, a moment happened once', () => {
	it.each([
		['2021', '2021'],
		['2025-07', 'July 2025'],
		['2025-09-15', '15 Sep 2025'],
		['2025-21', 'spring 2025'],
		['2025-34', 'Q2 2025'],
		['2025~', 'c. 2025'],
		['2025?', '2025?'],
		['2025-07%', 'c. July 2025?'],
		['202X', '2020s'],
		['2025-07-1X', 'between 10 and 19 Jul 2025'],
		['2025-XX', '2025'],
		['2025-06-~11', 'c. 11 Jun 2025'],
		// Intervals: something that lasted.
		['2021/2025-01', '2021 – Jan 2025'],
		['2025-09-08/2025-09-14', '8–14 Sep 2025'],
		['2021/..', 'from 2021'],
		['../2025-03', 'until March 2025'],
		['2021/', '2021 – ?'],
		// One-of sets: one moment, which is not known.
		['[2021..2025]', 'between 2021 and 2025'],
		['[2021..2025-09]', 'between 2021 and Sep 2025'],
		['[2021..2025-09-15]', 'between 2021 and 15 Sep 2025'],
		['[2025-07..2025-09]', 'between Jul and Sep 2025'],
		['[2025-09-08..2025-09-14]', 'between 8 and 14 Sep 2025'],
		['[2025-01-20..2025-09-15]', 'between 20 Jan and 15 Sep 2025'],
		['[2025-07,2025-09]', 'Jul 2025 or Sep 2025'],
		['[2021,2023..2024]', '2021 or 2023–2024'],
		['[..2025-09-15]', 'on or before 15 Sep 2025'],
		['[2025-07..]', 'Jul 2025 or later'],
		['[2025-07]', 'July 2025'],
	])('%s reads "%s"', (edtf, words) => {
		expect(formatEdtf(edtf)).toBe(words);
	});

	it('gives a <time datetime> only as fine as every possible date of a moment allows', () => {
		expect(htmlDatetime('[2025-09-08..2025-09-14]')).toBe('2025-09');
		expect(htmlDatetime('[2025-07..2025-09]')).toBe('2025');
		expect(htmlDatetime('[2021..2025-09]')).toBeNull();
		expect(htmlDatetime('2025-07-1X')).toBe('2025-07');
		expect(htmlDatetime('2025-09-08/2025-09-14')).toBe('2025-09-08');
	});

	it('counts a month in the strip only when the date lies within it', () => {
		expect(knownMonth(boundsOf('2025-07'))).toBe(2025 * 12 + 6);
		expect(knownMonth(boundsOf('[2025-09-08..2025-09-14]'))).toBe(2025 * 12 + 8);
		expect(knownMonth(boundsOf('2025-07~'))).toBe(2025 * 12 + 6);
		for (const vague of ['2025', '[2021..2025-09]', '[2025-07..2025-09]', '2025-21', '2025/2025-03', '[..2025-09]', '202X']) expect(knownMonth(boundsOf(vague)), vague).toBeNull();
	});
});

describe('ordering every form', () => {
	it('orders by earliest possible day, then latest, exact before marked, unknown starts by their end', () => {
		const dates = ['[..2025-09-15]', '2025-09-08/2025-09-14', '[2025-09-08..2025-09-14]', '2025-07', '[2025-07..2025-09]', '2025-21', '2025', '2025~', '[2021..2025-09]', '2021/2025-01', '2021', '202X', '2004-06-~11', '2025-07-1X'];
		const sorted = dates.map((edtf) => ({ bounds: boundsOf(edtf), title: 'x' })).sort(compareChronologically).map((e) => e.bounds.edtf);
		expect(sorted).toEqual(['2004-06-~11', '202X', '2021', '2021/2025-01', '[2021..2025-09]', '2025', '2025~', '2025-21', '2025-07', '[2025-07..2025-09]', '2025-07-1X', '2025-09-08/2025-09-14', '[2025-09-08..2025-09-14]', '[..2025-09-15]']);
	});
});

describe('what the check refuses, in plain words', () => {
	it.each([
		['-9999', /year 10000 BCE is outside the years the timeline draws, 1900 to 2100/, /four digits|"\[\.\.2021\]"/],
		['Y-200000', /year 200001 BCE is outside/, /check the year/],
		['Y170000002', /outside the dates a computer calendar can hold/, /four digits/],
		['1899', /year 1899 is outside/, /check the year/],
		['[2025..2101]', /year 2101 is outside/, /check the year/],
		['2025-02-29', /there is no 29 February in 2025 \(2025 is not a leap year\)/, /did you mean "2025-02-28"\?/],
		['2025-09-31', /there is no 31 September in 2025: September 2025 has 30 days/, /did you mean "2025-09-30"\?/],
		['2025-13', /there is no month 13/, /did you mean "2025-12"\?/],
		['2025-7', /not written as EDTF writes it/, /write "2025-07"/],
		['15.09.2025', /not written as EDTF writes it/, /write "2025-09-15"/],
		['c. 2023', /not written as EDTF writes it/, /write "2023~"/],
		['2021-2025', /not written as EDTF writes it/, /write "2021\/2025"/],
		['between 2021 and 2025', /not written as EDTF writes it/, /write "\[2021\.\.2025\]"/],
		['summer 2021', /not written as EDTF writes it/, /write "2021-22"/],
		['last week', /not a date in EDTF/, /"\[2021\.\.2025-09\]"/],
		['{2025-07,2025-09}', /every one of these dates/, /one event per date/],
	])('%s', (edtf, reason, fix) => {
		const result = checkEdtf(edtf);
		expect(isEdtfError(result)).toBe(true);
		if (!isEdtfError(result)) return;
		expect(result.reason).toMatch(reason);
		expect(result.fix).toMatch(fix);
		// No parser internals in what an author reads.
		expect(`${result.reason} ${result.fix}`).not.toMatch(/line \d+ col|Syntax error|INVALID_|Unexpected|nearley|token/i);
	});

	it('accepts the years 1900 to 2100 and open ends', () => {
		for (const edtf of ['1900', '2100-12-31', '[..2025-09-15]', '1950/..', '2024-02-29']) expect(isEdtfError(checkEdtf(edtf)), edtf).toBe(false);
	});

	const ARTICLE = 'articles/2025-09-15-good.md';
	it.each([
		['"-9999"', '"-9999"', /10000 BCE is outside/],
		['"Y-200000"', '"Y-200000"', /outside the years the timeline draws/],
		['"Y170000002"', '"Y170000002"', /computer calendar/],
		// Unquoted, YAML itself would have turned this into 1 March 2025 without a word.
		['2025-02-29', '"2025-02-29"', /no 29 February in 2025/],
		['"2025-02-29"', '"2025-02-29"', /no 29 February in 2025/],
	])('an event dated %s is refused at the check with file, line, field, found, expected and fix', (written, found, says) => {
		const t = contentTree();
		const file = join(t.content, ARTICLE);
		writeFileSync(file, readFileSync(file, 'utf8').replace('date: "2021"', `date: ${written}`));
		const { problems } = checkContent(t.content, t.root);
		const hit = problems.find((p) => p.field === 'events[0].date');
		expect(hit, JSON.stringify(problems)).toBeDefined();
		expect(hit).toMatchObject({ severity: 'error', file: `content/${ARTICLE}`, line: 12, found });
		expect(hit!.expected).toMatch(says);
		expect(hit!.fix).toBeTruthy();
		rmSync(t.root, { recursive: true, force: true });
	});

	it('an article dated 2025-02-29 (unquoted) is refused, not published as 1 March', () => {
		const t = contentTree();
		const file = join(t.content, ARTICLE);
		writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2025-09-15', 'date: 2025-02-29').replace('date: "2021"', 'date: "2020"'));
		const { problems } = checkContent(t.content, t.root);
		expect(problems.find((p) => p.field === 'date')).toMatchObject({ severity: 'error', found: '"2025-02-29"' });
		rmSync(t.root, { recursive: true, force: true });
	});

	it('"no event after its article" uses the earliest possible day of every form', () => {
		const t = contentTree();
		const file = join(t.content, ARTICLE);
		const original = readFileSync(file, 'utf8');
		const verdict = (date: string) => {
			writeFileSync(file, original.replace('date: "2021"', `date: "${date}"`));
			return checkContent(t.content, t.root).problems.some((p) => p.field === 'events[0].date' && /no later than the article/.test(p.expected));
		};
		// Could be on or before the article's day: accepted.
		for (const ok of ['2025-09-15', '[2021..2025-12]', '2025', '2025-09-15/2025-10', '[..2030]', '2025-21', '2025-09-1X', '../2030']) expect(verdict(ok), ok).toBe(false);
		// Certainly after it: refused.
		for (const late of ['2025-09-16', '[2025-10..2026]', '2026~', '2025-24', '2026/..', '2025-10']) expect(verdict(late), late).toBe(true);
		rmSync(t.root, { recursive: true, force: true });
	});
});
