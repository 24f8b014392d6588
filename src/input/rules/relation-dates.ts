import { parseEdtf } from '../../schema/edtf.ts';
import type { Problem } from '../problems.ts';
import type { Rule } from './context.ts';

/** A relation's `until` is no earlier than its `since`. */
export const relationDates: Rule = ({ articleData, at }) => {
	const problems: Problem[] = [];
	for (const { data, file } of articleData) {
		data.relations?.forEach((relation, i) => {
			if (!relation.since || !relation.until) return;
			const since = parseEdtf(relation.since);
			const until = parseEdtf(relation.until);
			if (typeof since !== 'string' && typeof until !== 'string' && since.earliest !== null && until.latest !== null && since.earliest > until.latest) {
				problems.push({
					severity: 'error',
					file,
					line: at(file, ['relations', i, 'until']),
					field: `relations[${i}].until`,
					found: `${relation.since} → ${relation.until}`,
					expected: '"until" no earlier than "since"',
					fix: 'swap the two dates',
				});
			}
		});
	}
	return problems;
};
