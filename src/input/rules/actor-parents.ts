import type { Problem } from '../problems.ts';
import type { Rule } from './context.ts';

/** An actor's parent exists, and parent chains end: no actor is its own ancestor. */
export const actorParents: Rule = ({ actorData, at, unknownActor }) => {
	const problems: Problem[] = [];
	for (const actor of actorData.values()) {
		const parent = actor.data.parent;
		if (parent && !actorData.has(parent)) problems.push(unknownActor(actor.file, ['parent'], parent));
	}
	const reportedCycles = new Set<string>();
	for (const actor of actorData.values()) {
		const chain = [actor.id];
		let current = actor.data.parent;
		while (current && actorData.has(current)) {
			if (chain.includes(current)) {
				const cycle = chain.slice(chain.indexOf(current));
				const key = [...cycle].sort().join(',');
				if (!reportedCycles.has(key)) {
					reportedCycles.add(key);
					const file = actorData.get(current)!.file;
					problems.push({
						severity: 'error',
						file,
						line: at(file, ['parent']),
						field: 'parent',
						found: `a cycle: ${[...cycle, current].join(' → ')}`,
						expected: 'parent chains that end at an actor with no parent',
						fix: `remove "parent" from one of: ${cycle.join(', ')}`,
					});
				}
				break;
			}
			chain.push(current);
			current = actorData.get(current)!.data.parent;
		}
	}
	return problems;
};
