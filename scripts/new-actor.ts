// Scaffolds an actor: npm run new-actor -- <id> --en "English name" --ru "Русское имя" [--kind organization] [--bloc russia] [--parent russia] [--alias-ru "…"]… [--alias-en "…"]… [--form-ru "…"]… [--form-en "…"]…
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/input/dir.ts';
import { exitWithProblem } from '../src/input/problems.ts';
import { ACTOR_KINDS } from '../src/schema/actor.ts';
import { BLOCS } from '../src/schema/ids.ts';

const USAGE = 'npm run new-actor -- <id> --en "English name" --ru "Русское имя" [--kind organization] [--bloc us|mali-junta|russia|belarus] [--parent <id>] [--alias-ru "…"] [--alias-en "…"] [--form-ru "…"] [--form-en "…"]';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		en: { type: 'string' },
		ru: { type: 'string' },
		kind: { type: 'string' },
		bloc: { type: 'string' },
		parent: { type: 'string' },
		'alias-ru': { type: 'string', multiple: true, default: [] },
		'alias-en': { type: 'string', multiple: true, default: [] },
		'form-ru': { type: 'string', multiple: true, default: [] },
		'form-en': { type: 'string', multiple: true, default: [] },
	},
});
const id = positionals[0];
if (!id || positionals.length > 1 || !values.en || !values.ru) {
	console.error(`Usage: ${USAGE}`);
	process.exit(2);
}
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const file = join(contentDir(), 'actors', `${id}.md`);
const shown = relative(process.cwd(), file) || file;
if (!SLUG.test(id)) exitWithProblem({ file: shown, field: '<id>', found: JSON.stringify(id), expected: 'lower-case letters, digits and hyphens, e.g. "africa-corps"', fix: `use "${id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}"` });
if (values.kind && !(ACTOR_KINDS as readonly string[]).includes(values.kind))
	exitWithProblem({ file: shown, field: '--kind', found: JSON.stringify(values.kind), expected: `one of ${ACTOR_KINDS.join(', ')}`, fix: 'pass one of those' });
if (values.bloc && !(BLOCS as readonly string[]).includes(values.bloc))
	exitWithProblem({ file: shown, field: '--bloc', found: JSON.stringify(values.bloc), expected: `one of ${BLOCS.join(', ')}`, fix: 'pass one of those, or omit --bloc for an independent' });
if (values.parent && !SLUG.test(values.parent)) exitWithProblem({ file: shown, field: '--parent', found: JSON.stringify(values.parent), expected: 'an actor id', fix: 'pass the id of a file in content/actors/' });
if (existsSync(file)) exitWithProblem({ file: shown, field: '(file)', found: 'an existing actor', expected: 'a new id', fix: `edit ${shown}, or choose another id` });

const q = (s: string) => JSON.stringify(s);
const list = (items: string[]) => `[${items.map(q).join(', ')}]`;
const lines = [
	'---',
	`name: { en: ${q(values.en)}, ru: ${q(values.ru)} }  # ru: in the nominative case`,
	values.kind ? `kind: ${values.kind}` : `kind: organization  # TODO: one of ${ACTOR_KINDS.join(' | ')}`,
	values.bloc ? `bloc: ${values.bloc}` : '# bloc: us | mali-junta | russia | belarus  (omit for independents)',
	values.parent ? `parent: ${values.parent}` : '# parent: <id of the actor this one is part of>',
	'aliases:  # other names of this actor, shown on its page',
	`  en: ${list(values['alias-en'])}`,
	`  ru: ${list(values['alias-ru'])}  # in the nominative case`,
	'forms:  # word forms that are not names (other cases, adjectives): they find mentions, never shown',
	`  en: ${list(values['form-en'])}`,
	`  ru: ${list(values['form-ru'])}  # the cases the Russian stemmer cannot reach from the names`,
	'# wikidata: Q…',
	'---',
	'TODO: one or two sentences on who this is.',
	'',
];
writeFileSync(file, lines.join('\n'));
console.log(`Created ${shown}\nEdit it, then run: npm run check`);
