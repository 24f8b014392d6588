import { parseEdtf } from '../../schema/edtf.ts';
import type { Problem } from '../problems.ts';
import type { Rule } from './context.ts';

/** An event is not dated after the article reporting it, and an event id has one date in every article. */
export const eventDates: Rule = ({ articleData, at }) => {
	const problems: Problem[] = [];
	const eventDates = new Map<string, { date: string; file: string }>();
	for (const { data, file } of articleData) {
		const published = data.date ? data.date.getTime() + 86_400_000 - 1 : undefined;
		data.events?.forEach((event, i) => {
			if (!event.date) return;
			const bounds = parseEdtf(event.date);
			if (published !== undefined && typeof bounds !== 'string' && bounds.earliest !== null && bounds.earliest > published) {
				problems.push({
					severity: 'error',
					file,
					line: at(file, ['events', i, 'date']),
					field: `events[${i}].date`,
					found: JSON.stringify(event.date),
					expected: `a date no later than the article's own date ${data.date!.toISOString().slice(0, 10)}`,
					fix: 'check the year, or the article date',
				});
			}
			if (!event.id) return;
			const seen = eventDates.get(event.id);
			if (!seen) eventDates.set(event.id, { date: event.date, file });
			else if (seen.date !== event.date) {
				problems.push({
					severity: 'error',
					file,
					line: at(file, ['events', i, 'date']),
					field: `events[${i}].date`,
					found: `"${event.date}" for event "${event.id}"`,
					expected: `the same date as ${seen.file} gives it: "${seen.date}"`,
					fix: `use "${seen.date}" here, or give this event a different id`,
				});
			}
		});
	}
	return problems;
};
