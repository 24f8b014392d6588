import { present } from '../partial.ts';
import type { Problem } from '../problems.ts';
import type { Rule } from './context.ts';

/** Each name, alias or form belongs to one actor, so a mention links without guessing. */
export const uniqueNames: Rule = ({ actorData, at }) => {
	const problems: Problem[] = [];
	const aliasOwner = new Map<string, string>();
	for (const actor of actorData.values()) {
		const { name, aliases, forms } = actor.data;
		const names = new Set(
			[name?.en, name?.ru, ...present(aliases?.en), ...present(aliases?.ru), ...present(forms?.en), ...present(forms?.ru)]
				.filter((n): n is string => typeof n === 'string')
				.map((n) => n.toLocaleLowerCase('ru')),
		);
		const formsOnly = new Set(
			[...present(forms?.en), ...present(forms?.ru)].filter((n): n is string => typeof n === 'string').map((n) => n.toLocaleLowerCase('ru')),
		);
		for (const shown of [name?.en, name?.ru, ...present(aliases?.en), ...present(aliases?.ru)]) if (typeof shown === 'string') formsOnly.delete(shown.toLocaleLowerCase('ru'));
		for (const name of names) {
			const owner = aliasOwner.get(name);
			if (owner && owner !== actor.id) {
				const field = formsOnly.has(name) ? 'forms' : 'aliases';
				problems.push({
					severity: 'error',
					file: actor.file,
					line: at(actor.file, [field]) ?? at(actor.file, ['aliases']),
					field,
					found: `"${name}", which is also a name of "${owner}"`,
					expected: 'each name, alias or form to belong to one actor, so mentions link without guessing',
					fix: `remove "${name}" from one of ${owner} and ${actor.id}`,
				});
			} else aliasOwner.set(name, actor.id);
		}
	}
	return problems;
};
