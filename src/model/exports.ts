import { isoDay, knownDay, precisionOf } from './dates.ts';
import type { TimelineEntry } from './timeline.ts';
import { articlePath } from '../schema/routes.ts';

const DAY_MS = 86_400_000;

/** One timeline entry as published in /data/events.json: fixed field order, absent values as null. */
function eventRecord(entry: TimelineEntry) {
	return {
		key: entry.key,
		id: entry.id ?? null,
		date: entry.edtf,
		display: entry.display,
		datetime: entry.datetime,
		/** interval: it lasted from earliest to latest; moment: it happened once, somewhere between them. */
		date_kind: entry.shape,
		earliest: isoDay(entry.bounds.earliest),
		latest: isoDay(entry.bounds.latest),
		precision: precisionOf(entry.edtf),
		approximate: entry.bounds.approximate,
		uncertain: entry.bounds.uncertain,
		inferred: entry.inferred,
		year: entry.year,
		kind: entry.kind,
		title: entry.title,
		actors: entry.actors,
		blocs: entry.blocs,
		place: entry.place ?? null,
		note: entry.note ?? null,
		sources: entry.sources.map((s) => ({
			slug: s.slug,
			url: articlePath(s.slug),
			title: s.title,
			date: s.date,
			lang: s.lang,
			outlet: s.outlet ?? null,
			cites: s.cites.map((c) => ({ outlet: c.outlet, via: c.via ?? null, url: c.url ?? null })),
		})),
	};
}

/** /data/events.json: every timeline entry, in timeline order, as pretty-printed JSON. */
export function eventsJson(entries: TimelineEntry[]): string {
	return `${JSON.stringify(entries.map(eventRecord), null, 2)}\n`;
}

/** Columns of /data/events.csv, in the spirit of ACLED's event exports. */
export const EVENTS_CSV_COLUMNS = [
	'id',
	'date',
	'date_kind',
	'earliest',
	'latest',
	'precision',
	'approximate',
	'uncertain',
	'inferred',
	'kind',
	'title',
	'actors',
	'actor_names',
	'blocs',
	'place',
	'sources',
	'note',
] as const;

/** A cell a spreadsheet would read as a formula: it starts with =, +, -, @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A negative number or an ISO/EDTF-style date ("-12", "-3.5", "-0044", "-0044-03-15"): digits and separators only. */
const PLAIN_NUMBER_OR_DATE = /^-\d+(?:[.:\/-]\d+)*$/;

/**
 * A cell that cannot run as a spreadsheet formula (CSV injection, as OWASP advises): text starting with a
 * formula character gets a leading apostrophe, which spreadsheets hide and which makes them show it as text.
 * A negative number or date is left as it is: holding only digits and separators, it can call no function
 * and reach no other cell, and "-0044" in the date column is a year, not "'-0044".
 */
export function csvSafeCell(value: string): string {
	return FORMULA_START.test(value) && !PLAIN_NUMBER_OR_DATE.test(value) ? `'${value}` : value;
}

/** RFC 4180 field, neutralised (csvSafeCell): quoted when it holds a comma, quote or line break, quotes doubled. */
function csvField(raw: string): string {
	const value = csvSafeCell(raw);
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Absolute URL of an article page on the deployed site (SITE_URL, with or without its trailing slash). */
export function articleUrl(slug: string, siteUrl: string): string {
	return `${new URL(siteUrl).href.replace(/\/$/, '')}${articlePath(slug)}`;
}

/**
 * /data/events.csv: one row per timeline entry, RFC 4180 (CRLF, quoted where needed), header first. A spreadsheet has
 * no site to resolve links against, so `sources` holds absolute URLs; `actors` keeps the ids (stable, to filter on) and
 * `actor_names` gives their English names in the same order.
 */
export function eventsCsv(entries: TimelineEntry[], { siteUrl, actorNames }: { siteUrl: string; actorNames: ReadonlyMap<string, string> }): string {
	const rows = entries.map((entry) => {
		const r = eventRecord(entry);
		const cells: Record<(typeof EVENTS_CSV_COLUMNS)[number], string> = {
			id: r.key,
			date: r.date,
			date_kind: r.date_kind,
			earliest: r.earliest ?? '',
			latest: r.latest ?? '',
			precision: r.precision ?? '',
			approximate: String(r.approximate),
			uncertain: String(r.uncertain),
			inferred: String(r.inferred),
			kind: r.kind,
			title: r.title,
			actors: r.actors.join(';'),
			actor_names: r.actors.map((id) => actorNames.get(id) ?? id).join(';'),
			blocs: r.blocs.join(';'),
			place: r.place ?? '',
			sources: r.sources.map((s) => articleUrl(s.slug, siteUrl)).join(';'),
			note: r.note ?? '',
		};
		return EVENTS_CSV_COLUMNS.map((c) => csvField(cells[c]));
	});
	return [[...EVENTS_CSV_COLUMNS], ...rows].map((row) => `${row.join(',')}\r\n`).join('');
}

/** iCalendar TEXT escaping (RFC 5545 §3.3.11). */
function icsText(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** UTF-8 length of one code point. */
const octetsOf = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
function foldLine(line: string): string {
	if (line.length <= 75 && /^[\x00-\x7f]*$/.test(line)) return line;
	const parts: string[] = [];
	let current = '';
	let size = 0;
	for (const char of line) {
		const octets = octetsOf(char.codePointAt(0)!);
		// Continuation lines start with a space, which counts toward their 75 octets.
		if (size + octets > 75) {
			parts.push(current);
			current = ' ';
			size = 1;
		}
		current += char;
		size += octets;
	}
	parts.push(current);
	return parts.join('\r\n');
}

function icsDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * The days a calendar entry covers (start, exclusive end), and whether its summary must say how vague it is.
 * An interval keeps its span. Anything else is one day: a moment known to the day on that day; a vaguer moment
 * (or an interval with an open or unknown end) as one marker on the earliest day it may be (else the latest),
 * so no calendar entry claims more days than the event lasted. Null when no day is known or iCalendar cannot hold it.
 */
function icsDays(entry: TimelineEntry): { start: number; end: number; vague: boolean } | null {
	const { earliest, latest } = entry.bounds;
	const first = earliest ?? latest;
	// iCalendar DATE values hold years 0000–9999 only.
	if (first === null || isoDay(first) === null || (latest !== null && isoDay(latest) === null)) return null;
	const startDay = Math.floor(first / DAY_MS);
	if (entry.shape === 'interval' && earliest !== null && latest !== null) {
		return { start: startDay * DAY_MS, end: (Math.floor(latest / DAY_MS) + 1) * DAY_MS, vague: entry.bounds.approximate || entry.bounds.uncertain };
	}
	const exact = knownDay(entry.bounds) && !entry.bounds.approximate && !entry.bounds.uncertain;
	return { start: startDay * DAY_MS, end: (startDay + 1) * DAY_MS, vague: !exact };
}

/** A calendar of all timeline entries for /data/events.ics: intervals span their days, everything else is a one-day entry whose summary says how vague its date is; entries with no known day are left out. */
export function eventsIcs(entries: TimelineEntry[], siteUrl: string): string {
	const site = new URL(siteUrl);
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//${site.host}//Mali realignment timeline//EN`, 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:Mali realignment timeline'];
	for (const entry of entries) {
		const days = icsDays(entry);
		if (!days) continue;
		// Reproducible builds: the stamp is the newest report's publication date, not the build time.
		const stamp = entry.sources.map((s) => s.date).sort().at(-1)!.replace(/-/g, '');
		const marker = days.vague && (entry.shape === 'moment' || entry.bounds.earliest === null || entry.bounds.latest === null);
		const description = [
			`Date: ${entry.display} (EDTF ${entry.edtf})${entry.inferred ? ', inferred' : ''}`,
			...(marker ? [`This entry only marks the ${entry.bounds.earliest !== null ? 'earliest' : 'latest'} day it may fall on: ${entry.shape === 'moment' ? 'it happened once, at a date known only as given above' : 'only one end of it is known'}.`] : []),
			...(entry.note ? [entry.note] : []),
			`Actors: ${entry.actors.join(', ')}`,
			'Reported in:',
			...entry.sources.map((s) => `- ${s.title} (${s.date}) ${articleUrl(s.slug, siteUrl)}`),
		].join('\n');
		lines.push(
			'BEGIN:VEVENT',
			`UID:${icsText(entry.key)}@${site.host}`,
			`DTSTAMP:${stamp}T000000Z`,
			`DTSTART;VALUE=DATE:${icsDate(days.start)}`,
			`DTEND;VALUE=DATE:${icsDate(days.end)}`,
			`SUMMARY:${icsText(days.vague ? `[${entry.display}${entry.inferred ? ', inferred' : ''}] ${entry.title}` : entry.title)}`,
			`DESCRIPTION:${icsText(description)}`,
			...(entry.place ? [`LOCATION:${icsText(entry.place)}`] : []),
			`URL:${articleUrl(entry.sources[0].slug, siteUrl)}`,
			`CATEGORIES:${[entry.kind, ...entry.blocs].map(icsText).join(',')}`,
			'END:VEVENT',
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
