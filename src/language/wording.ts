// How the site writes in English: month names, days, counts and the words for kinds. One place, so a page,
// an export and a search result say a thing the same way. Plain TypeScript: the browser code uses it too.

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const SHORT_MONTHS = MONTHS.map((month) => month.slice(0, 3));

/** YYYY-MM-DD of a date or an instant (UTC), for machine-readable dates; null, or a year outside 0–9999, gives null. */
export function isoDay(date: Date): string;
export function isoDay(ms: number | null): string | null;
export function isoDay(value: Date | number | null): string | null {
	if (value === null) return null;
	const date = typeof value === 'number' ? new Date(value) : value;
	const year = date.getUTCFullYear();
	if (year < 0 || year > 9999) return null;
	return date.toISOString().slice(0, 10);
}

/** "15 September 2025", independent of the build machine's locale. */
export function longDate(date: Date): string {
	return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** 12345 → "12,345". */
export function formatNumber(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 article", "12,345 articles"; `many` for irregular plurals ("1 entry", "2 entries"). */
export function count(n: number, one: string, many = `${one}s`): string {
	return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** A kind as words: "armed-group" → "armed group". */
export function kindWords(kind: string): string {
	return kind.replaceAll('-', ' ');
}

/** A kind as a label: "sanctions-relief" → "Sanctions relief". */
export function kindLabel(kind: string): string {
	const words = kindWords(kind);
	return words[0]!.toUpperCase() + words.slice(1);
}
