import type { ActorData } from '../../schema/actor.ts';
import { nameKeys } from '../../language/mentions.ts';
import type { Problem } from '../problems.ts';
import { fieldName } from '../problems.ts';
import type { PartialEntry, Rule, RuleContext } from './context.ts';

/**
 * A shown name (name or alias) that the matcher cannot tell from another shown name of the same actor is a word
 * form of it, not a name: "Москвой" beside "Москва", "Соединенные Штаты" beside "Соединённые Штаты".
 */
function shownNameProblems(actor: PartialEntry<ActorData>, at: RuleContext['at']): Problem[] {
	const problems: Problem[] = [];
	for (const lang of ['en', 'ru'] as const) {
		const shown: { path: PropertyKey[]; value: string }[] = [];
		const own = actor.data.name?.[lang];
		if (typeof own === 'string') shown.push({ path: ['name', lang], value: own });
		actor.data.aliases?.[lang]?.forEach((value, i) => {
			if (typeof value === 'string') shown.push({ path: ['aliases', lang, i], value });
		});
		const byKeys = new Map<string, { path: PropertyKey[]; value: string }>();
		for (const entry of shown) {
			const keys = nameKeys(entry.value);
			if (!keys) continue;
			const first = byKeys.get(keys);
			if (!first) {
				byKeys.set(keys, entry);
				continue;
			}
			const same = first.value.toLocaleLowerCase('ru') === entry.value.toLocaleLowerCase('ru');
			const which = first.path[0] === 'name' ? `"${entry.value}"` : `"${entry.value}" (or "${first.value}", whichever is not the nominative)`;
			problems.push({
				severity: 'error',
				file: actor.file,
				line: at(actor.file, entry.path),
				field: fieldName(entry.path),
				found: same
					? `"${entry.value}", which repeats ${fieldName(first.path)}`
					: `"${entry.value}", a form of ${fieldName(first.path)} "${first.value}": both match the same words`,
				expected: 'names only in name and aliases: each a different name of this actor, not another case, spelling or quoting of one already there',
				fix: same ? `remove "${entry.value}" from ${fieldName(entry.path.slice(0, 2))}` : `move ${which} to forms.${lang}: forms find mentions and widen searches, and are never shown`,
			});
		}
	}
	return problems;
}

/** Names (name and aliases) are names: no other case, spelling or quoting of a name already there. */
export const shownNames: Rule = ({ actorData, at }) => [...actorData.values()].flatMap((actor) => shownNameProblems(actor, at));
