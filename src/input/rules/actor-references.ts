import type { Problem } from '../problems.ts';
import type { Rule } from './context.ts';

/** Every actor id an article gives (its actors, its events' actors, its relations' ends) names an actor file. */
export const actorReferences: Rule = ({ articleData, actorData, unknownActor }) => {
	const problems: Problem[] = [];
	for (const { data, file } of articleData) {
		const ref = (path: PropertyKey[], id: string) => {
			if (!actorData.has(id)) problems.push(unknownActor(file, path, id));
		};
		data.actors?.forEach((id, i) => ref(['actors', i], id));
		data.events?.forEach((event, i) => event.actors?.forEach((id, j) => ref(['events', i, 'actors', j], id)));
		data.relations?.forEach((relation, i) => {
			if (relation.from) ref(['relations', i, 'from'], relation.from);
			if (relation.to) ref(['relations', i, 'to'], relation.to);
		});
	}
	return problems;
};
