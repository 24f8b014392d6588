import { parse as parseWithLibrary, type EDTFBase } from '@edtf-ts/core';
import { z } from 'astro/zod';

// EDTF (https://www.loc.gov/standards/datetime/) levels 0–2 through @edtf-ts/core, whose bounds match the
// specification's examples (tests/unit/edtf.test.ts) where the `edtf` package's do not. This file is the thin
// layer over it: it reads the library's values into one shape the site uses, reads one-of sets member by member
// (ranges kept as runs: see readSet), corrects the two bounds the specification's examples show wrong
// (yearsOfDigits), refuses what the site cannot draw, and words parse errors for authors.

/** What is known of one end of a date: the earliest and latest instant it may be, and how it was written. */
export interface EdtfPoint {
	/** ms since 1970-01-01 UTC */
	earliest: number;
	latest: number;
	/** The unit the author wrote: a season counts as its own unit. */
	precision: 'year' | 'season' | 'month' | 'day';
	approximate: boolean;
	uncertain: boolean;
	/** Season or quarter code (21–41) when the point is one. */
	season?: number;
	/** A set range's end unit when it differs from its start's (`2021..2025-09`: year, then month). */
	endPrecision?: EdtfPoint['precision'];
}

/** One end of an interval or of a one-of set: a point, open (`..`) or unknown (empty). */
export type EdtfEnd = EdtfPoint | 'open' | 'unknown';

/** How finely an EDTF date is known: its bounds and the marks it carries. */
export interface EdtfBounds {
	/** The EDTF string as the author wrote it. */
	edtf: string;
	/** Earliest possible instant (ms since epoch); null when the start is unknown or open. */
	earliest: number | null;
	/** Latest possible instant (ms since epoch); null when the end is unknown or open. */
	latest: number | null;
	/** 1 year, 2 month, 3 day — of the most precise endpoint (a season counts as a month). */
	precision: 1 | 2 | 3;
	/** True for an interval (`a/b`): something that lasted from one date to another. False for one moment. */
	interval: boolean;
	/** True for a one-of set (`[a,b..c]`): one moment, which of these is not known. */
	set: boolean;
	/** True when digits are unspecified (`202X`, `2025-07-1X`). */
	unspecified: boolean;
	approximate: boolean;
	uncertain: boolean;
	/** An interval's start, or a moment's earliest end (a set's first member or `..`). */
	start: EdtfEnd;
	/** An interval's end, or a moment's latest end. */
	end: EdtfEnd;
	/** A one-of set's members in order, consecutive ones merged into runs (for "1667, 1668 or 1670–1672"). */
	members?: EdtfPoint[];
}

/** Years the timeline can draw. A story of this site's kind sits well inside; anything outside is a typo. */
export const EDTF_YEARS = { from: 1900, through: 2100 } as const;

const cache = new Map<string, EdtfBounds | EdtfError>();

/** Why a string is refused, in plain words, and what to write instead. */
export interface EdtfError {
	reason: string;
	fix: string;
}

export function isEdtfError(value: EdtfBounds | EdtfError): value is EdtfError {
	return 'reason' in value;
}

function num(ms: bigint): number {
	return Number(ms);
}

type Qualified = { uncertain?: boolean; approximate?: boolean; uncertainApproximate?: boolean } | undefined;

function marksOf(value: any): { approximate: boolean; uncertain: boolean } {
	const qs: Qualified[] = [value?.qualification, value?.yearQualification, value?.monthQualification, value?.dayQualification];
	return {
		approximate: qs.some((q) => q?.approximate || q?.uncertainApproximate),
		uncertain: qs.some((q) => q?.uncertain || q?.uncertainApproximate),
	};
}

/** Year bounds the digits allow where the library's differ from the specification: `1950S2` is some year of 1900–1999 (it reports 1950), `XXXX-12-XX` any December of 0000–9999 (it starts at 1900). */
function yearsOfDigits(value: any): [number, number] | null {
	if (value.type !== 'Date') return null;
	const significant = value.significantDigits ?? value.significantDigitsYear;
	if (typeof value.year === 'number' && typeof significant === 'number') {
		const digits = String(Math.abs(value.year)).length;
		const free = 10 ** Math.max(0, digits - significant);
		const low = Math.floor(value.year / free) * free;
		return [low, low + free - 1];
	}
	const written = value.unspecified?.year;
	if (typeof written === 'string' && /^X+$|^\d*X+$/.test(written)) return [Number(written.replace(/X/g, '0')), Number(written.replace(/X/g, '9'))];
	return null;
}

function withYear(ms: number, year: number): number {
	const d = new Date(ms);
	d.setUTCFullYear(year);
	return d.getTime();
}

function pointOf(value: any): EdtfPoint {
	const precision: EdtfPoint['precision'] = value.type === 'Season' ? 'season' : value.precision === 'year' ? 'year' : value.precision === 'month' ? 'month' : 'day';
	const point: EdtfPoint = { earliest: num(value.minMs), latest: num(value.maxMs), precision, ...marksOf(value) };
	const years = yearsOfDigits(value);
	if (years) {
		point.earliest = withYear(point.earliest, years[0]);
		point.latest = withYear(point.latest, years[1]);
	}
	if (value.type === 'Season') point.season = value.season;
	return point;
}

const RANK = { year: 1, season: 2, month: 2, day: 3 } as const;

/** Consecutive members (each starting the instant the previous ends) merged into one run. */
function runs(points: EdtfPoint[]): EdtfPoint[] {
	const out: EdtfPoint[] = [];
	for (const p of [...points].sort((a, b) => a.earliest - b.earliest)) {
		const last = out.at(-1);
		if (last && p.earliest === last.latest + 1 && p.precision === last.precision && !p.approximate && !p.uncertain && !last.approximate && !last.uncertain) {
			last.latest = p.latest;
			if (p.endPrecision) last.endPrecision = p.endPrecision;
		}
		else out.push({ ...p });
	}
	return out;
}

/** Last day of a month (month 1–12). */
function lastDay(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A one-of set, read member by member: each date goes through the library, but a range `a..b` is kept as one
 * run from a's start to b's end rather than expanded. The library expands ranges into every day they hold
 * (73,000 members for a two-century range of days: seconds per string) and refuses ends of different
 * precision (`[2021..2025-09]`, "any time from 2021 to September 2025"), which the specification allows.
 */
function readSet(written: string, text: string): EdtfBounds | EdtfError {
	const parts = text.slice(1, -1).split(',').map((p) => p.trim());
	let earlier = false;
	let later = false;
	const members: EdtfPoint[] = [];
	const bad = (): EdtfError => ({
		reason: 'this one-of set is not written as EDTF sets are: dates or ranges (a..b) separated by commas',
		fix: 'write it like "[2021..2025-09]" (any one moment from 2021 to September 2025) or "[2025-07,2025-09]"',
	});
	for (const [i, raw] of parts.entries()) {
		let part = raw;
		if (i === 0 && part.startsWith('..')) (earlier = true), (part = part.slice(2));
		if (i === parts.length - 1 && part.endsWith('..')) (later = true), (part = part.slice(0, -2));
		const ends = part.split('..');
		if (ends.length > 2 || ends.some((e) => e === '')) return bad();
		const points: EdtfPoint[] = [];
		for (const end of ends) {
			const parsed = parseWithLibrary(end);
			if (!parsed.success) return calendarError(end, parsed.errors[0]?.code ?? '') ?? bad();
			const v: any = parsed.value;
			if (v.isBoundsClamped) return outsideJs(written);
			if (!['Date', 'Season', 'DateTime'].includes(v.type)) return bad();
			points.push(pointOf(v.type === 'DateTime' ? { ...v, precision: 'day' } : v));
		}
		const [first, last = first] = points;
		if (last.latest < first.earliest) return { reason: `the range ${part} runs backwards`, fix: `write the earlier date first: "${ends.reverse().join('..')}"` };
		members.push(last === first ? first : { ...first, latest: last.latest, endPrecision: last.precision, approximate: first.approximate || last.approximate, uncertain: first.uncertain || last.uncertain });
	}
	if (!members.length) return { reason: 'the set lists no date', fix: 'list the possible dates, e.g. "[2025-07..2025-09]"' };
	const ordered = runs(members);
	const start: EdtfEnd = earlier ? 'open' : ordered[0];
	const end: EdtfEnd = later ? 'open' : ordered.reduce((a, b) => (b.latest > a.latest ? b : a));
	return {
		edtf: written,
		interval: false,
		set: true,
		unspecified: false,
		earliest: typeof start === 'object' ? start.earliest : null,
		latest: typeof end === 'object' ? end.latest : null,
		precision: Math.max(...ordered.map((p) => Math.max(RANK[p.precision], RANK[p.endPrecision ?? p.precision]))) as 1 | 2 | 3,
		approximate: ordered.some((p) => p.approximate),
		uncertain: ordered.some((p) => p.uncertain),
		start,
		end,
		members: ordered,
	};
}

function fromLibrary(text: string, value: EDTFBase): EdtfBounds | EdtfError {
	const v: any = value;
	const base = { edtf: text, approximate: false, uncertain: false, interval: false, set: false, unspecified: false };
	if (v.isBoundsClamped) return outsideJs(text);
	if (v.type === 'List') {
		return {
			reason: 'a list in braces means the event happened on every one of these dates; one event has one date',
			fix: 'write one event per date, or use a one-of set in square brackets, e.g. "[2025-07,2025-09]", if it happened once on one of them',
		};
	}
	if (v.type === 'Interval') {
		const side = (end: any, open: boolean | undefined): EdtfEnd => (end ? pointOf(end) : open ? 'open' : 'unknown');
		const start = side(v.start, v.openStart);
		const end = side(v.end, v.openEnd);
		const points = [start, end].filter((e): e is EdtfPoint => typeof e === 'object');
		return {
			...base,
			interval: true,
			unspecified: Boolean(v.start?.unspecified || v.end?.unspecified),
			earliest: typeof start === 'object' ? start.earliest : null,
			latest: typeof end === 'object' ? end.latest : null,
			precision: Math.max(1, ...points.map((p) => RANK[p.precision])) as 1 | 2 | 3,
			approximate: points.some((p) => p.approximate),
			uncertain: points.some((p) => p.uncertain),
			start,
			end,
		};
	}
	if (v.type === 'Set') {
		const members = runs((v.values as any[]).map(pointOf));
		if (!members.length) return { reason: 'the set lists no date', fix: 'list the possible dates, e.g. "[2025-07..2025-09]"' };
		const start: EdtfEnd = v.earlier ? 'open' : members[0];
		const end: EdtfEnd = v.later ? 'open' : members.reduce((a, b) => (b.latest > a.latest ? b : a));
		return {
			...base,
			set: true,
			earliest: typeof start === 'object' ? start.earliest : null,
			latest: typeof end === 'object' ? end.latest : null,
			precision: Math.max(...members.map((p) => RANK[p.precision])) as 1 | 2 | 3,
			approximate: members.some((p) => p.approximate),
			uncertain: members.some((p) => p.uncertain),
			start,
			end,
			members,
		};
	}
	// Date, DateTime, Season: one moment. A date-time is dated to its day here.
	const point = pointOf(v.type === 'DateTime' ? { ...v, precision: 'day' } : v);
	return {
		...base,
		unspecified: Boolean(v.unspecified && Object.keys(v.unspecified).length),
		earliest: point.earliest,
		latest: point.latest,
		precision: RANK[point.precision],
		approximate: point.approximate,
		uncertain: point.uncertain,
		start: point,
		end: point,
	};
}

function outsideJs(text: string): EdtfError {
	return {
		reason: `${text} lies outside the dates a computer calendar can hold (about 271,000 years either side of 1970), let alone the timeline's ${EDTF_YEARS.from}–${EDTF_YEARS.through}`,
		fix: 'check the year: a date of this story has four digits, e.g. "2025"',
	};
}

/** `2025-02-29`, `2025-13`: the nearest real date, and why the one written is not. */
function calendarError(text: string, code: string): EdtfError | null {
	const m = /^(-?\d{4})-(\d{2})(?:-(\d{2}))?([?~%]?)$/.exec(text);
	if (!m) return null;
	const year = Number(m[1]);
	const month = Number(m[2]);
	const mark = m[4];
	if (code === 'INVALID_MONTH' || month < 1 || (month > 12 && month < 21) || month > 41) {
		const nearest = month < 1 ? 1 : 12;
		const suggestion = `${m[1]}-${String(nearest).padStart(2, '0')}${m[3] ? `-${m[3]}` : ''}${mark}`;
		return {
			reason: `there is no month ${month}: months run from 01 to 12 (21–24 are seasons, 33–36 quarters)`,
			fix: `did you mean "${suggestion}"? Write the month with two digits, January as 01`,
		};
	}
	if (m[3] !== undefined) {
		const day = Number(m[3]);
		const last = lastDay(year, month);
		if (day < 1 || day > last) {
			const monthName = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
			const leap = month === 2 && day === 29 ? ` (${year} is not a leap year)` : '';
			const nearest = `${m[1]}-${m[2]}-${String(day < 1 ? 1 : last).padStart(2, '0')}${mark}`;
			return {
				reason: day < 1 ? 'days start at 01' : `there is no ${day} ${monthName} in ${year}${leap}: ${monthName} ${year} has ${last} days`,
				fix: `did you mean "${nearest}"? If the day is not known, write the month alone: "${m[1]}-${m[2]}${mark}"`,
			};
		}
	}
	return null;
}

/** Common ways of writing a date that are not EDTF, each with the EDTF that says the same. */
function suggestionFor(text: string): string | null {
	const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
	if (iso) return [iso[1], iso[2].padStart(2, '0'), ...(iso[3] ? [iso[3].padStart(2, '0')] : [])].join('-');
	const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
	if (dmy) return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
	const slashed = /^(\d{4})\/(\d{2})(?:\/(\d{2}))?$/.exec(text);
	if (slashed) return `${slashed[1]}-${slashed[2]}${slashed[3] ? `-${slashed[3]}` : ''}`;
	const circa = /^(?:c\.?|ca\.?|circa|about|around|~)\s*(\d{4}(?:-\d{2}){0,2})$/i.exec(text);
	if (circa) return `${circa[1]}~`;
	const range = /^(\d{4}(?:-\d{2}){0,2})\s*(?:\.\.|–|—| - | to |-(?=\d{4}$))\s*(\d{4}(?:-\d{2}){0,2})$/.exec(text);
	if (range) return `${range[1]}/${range[2]}`;
	const between = /^between\s+(\d{4}(?:-\d{2}){0,2})\s+and\s+(\d{4}(?:-\d{2}){0,2})$/i.exec(text);
	if (between) return `[${between[1]}..${between[2]}]`;
	const withTime = /^(\d{4}-\d{2}-\d{2})[T ]\d/.exec(text);
	if (withTime) return withTime[1];
	const season = /^(spring|summer|autumn|fall|winter)\s+(\d{4})$/i.exec(text);
	if (season) return `${season[2]}-${{ spring: 21, summer: 22, autumn: 23, fall: 23, winter: 24 }[season[1].toLowerCase() as 'spring']}`;
	const decade = /^(\d{3})0s$/.exec(text);
	if (decade) return `${decade[1]}X`;
	return null;
}

function syntaxError(text: string, errors: { code: string; message: string }[]): EdtfError {
	const calendar = calendarError(text, errors[0]?.code ?? '');
	if (calendar) return calendar;
	// Level 2 long years with significant digits (Y171010000S3): valid EDTF, far outside anything the site draws.
	if (/^Y-?\d{5,}/.test(text) || /^Y-?\d+E\d+/.test(text)) {
		return { reason: `${text} is a year of more than four digits, outside the years the timeline draws, ${EDTF_YEARS.from} to ${EDTF_YEARS.through}`, fix: 'check the year: a date of this story has four digits, e.g. "2025"' };
	}
	const suggestion = suggestionFor(text);
	if (/^\{.*\}$/.test(text)) return fromLibrary(text, { type: 'List' } as any) as EdtfError;
	if (/^\[.*\]$/.test(text)) {
		return {
			reason: 'this one-of set is not written as EDTF sets are: dates or ranges (a..b) separated by commas',
			fix: 'write it like "[2021..2025-09]" (any one moment from 2021 to September 2025) or "[2025-07,2025-09]"',
		};
	}
	return {
		reason: suggestion ? 'this is a date, but not written as EDTF writes it' : 'this is not a date in EDTF, the notation the site reads',
		fix: suggestion
			? `write "${suggestion}"`
			: 'write a year "2021", a month "2025-07", a day "2025-09-15", an approximate year "2023~", an interval "2025-09-08/2025-09-14", or a moment known within bounds "[2021..2025-09]"',
	};
}

/** Reads an EDTF string with @edtf-ts/core: its bounds, or why it is not a date. No limit on the years (see `checkEdtf`). Cached: dates repeat a lot. */
export function readEdtf(value: string): EdtfBounds | EdtfError {
	const hit = cache.get(value);
	if (hit !== undefined) return hit;
	// EDTF 2019 writes "uncertain and approximate" as %; the older ?~ / ~? spelling is read the same.
	const text = value.trim().replace(/\?~|~\?/g, '%');
	let result: EdtfBounds | EdtfError;
	if (/^\[.*\]$/.test(text)) result = readSet(value.trim(), text);
	else {
		const parsed = parseWithLibrary(text);
		result = parsed.success ? fromLibrary(value.trim(), parsed.value) : syntaxError(value.trim(), parsed.errors);
	}
	cache.set(value, result);
	return result;
}

function yearOf(ms: number): number {
	return new Date(ms).getUTCFullYear();
}

/** What the site accepts: a date `readEdtf` can read whose known bounds lie in the years the timeline draws. */
export function checkEdtf(value: string): EdtfBounds | EdtfError {
	const bounds = readEdtf(value);
	if (isEdtfError(bounds)) return bounds;
	for (const ms of [bounds.earliest, bounds.latest]) {
		if (ms === null) continue;
		if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return outsideJs(value);
		const year = yearOf(ms);
		if (year < EDTF_YEARS.from || year > EDTF_YEARS.through) {
			const label = year < 1 ? `${1 - year} BCE` : String(year);
			return {
				reason: `the year ${label} is outside the years the timeline draws, ${EDTF_YEARS.from} to ${EDTF_YEARS.through}`,
				fix: `check the year; an event known only to be before a date is "[..2021]", and a date with unknown digits "202X"`,
			};
		}
	}
	return bounds;
}

/** Kept for callers that want bounds or a one-line message. */
export function parseEdtf(value: string): EdtfBounds | string {
	const result = checkEdtf(value);
	return isEdtfError(result) ? `"${value}" is not a date the site can use: ${result.reason}` : result;
}

/**
 * An EDTF date string (https://www.loc.gov/standards/datetime/), levels 0–2: "2021", "2025-07", "2023~",
 * "2025-09-08/2025-09-14" (an interval: it lasted), "[2021..2025-09]" (one moment known only within bounds),
 * "2025-07-1X", "2025-21" (spring). Years 1900–2100.
 */
export const EdtfDate = z
	.union([z.string(), z.number().int(), z.date()])
	.transform((value, ctx) => {
		// YAML turns an unquoted 2021 into a number and 2025-09-15 into a Date: accept both, keep the string.
		const text =
			value instanceof Date ? (Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10)) : typeof value === 'number' ? String(value) : value.trim();
		const checked = checkEdtf(text);
		if (isEdtfError(checked)) {
			ctx.addIssue({
				code: 'custom',
				message: `an EDTF date (${checked.reason})`,
				params: { expected: `a real date in EDTF, but ${checked.reason}`, fix: checked.fix },
			});
			return z.NEVER;
		}
		return text;
	});
