import { BLOCS } from '../../schema/ids.ts';
import type { Rule } from './context.ts';

/** Actors every site of this story must have: the four principals. */
export const REQUIRED_ACTORS = [...BLOCS];

/** Each principal has its actor file. */
export const requiredActors: Rule = ({ actorData, problems, actorsFolder }) =>
	REQUIRED_ACTORS.filter((id) => !actorData.has(id) && !problems.some((p) => p.file.endsWith(`/${id}.md`))).map((id) => ({
		severity: 'error',
		file: `${actorsFolder}/${id}.md`,
		field: '(file)',
		found: '(missing)',
		expected: `an actor file for the principal "${id}"`,
		fix: `create ${actorsFolder}/${id}.md with name, kind and bloc: ${id}`,
	}));
