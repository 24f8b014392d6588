import { BLOCS } from '../../schema/ids.ts';
import { isComplete } from '../partial.ts';
import { show, type Problem } from '../problems.ts';
import type { Rule } from './context.ts';

/** An article names at least one actor of a principal's bloc: the site follows the four principals. */
export const principalNamed: Rule = ({ articleData, actorData, incomplete, at }) => {
	const problems: Problem[] = [];
	for (const { data, file } of articleData) {
		// Only when every listed actor parsed, here and in its own file: otherwise the principal may be the one that did not.
		if (
			isComplete(data.actors) &&
			data.actors.length &&
			data.actors.every((id) => actorData.has(id) && !incomplete.has(id) && !actorData.get(id)!.data.bloc)
		) {
			problems.push({
				severity: 'error',
				file,
				line: at(file, ['actors']),
				field: 'actors',
				found: show(data.actors),
				expected: `at least one actor of a principal bloc (${BLOCS.join(', ')})`,
				fix: 'add the principal the article is about, e.g. "mali-junta"',
			});
		}
	}
	return problems;
};
