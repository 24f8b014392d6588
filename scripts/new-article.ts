// Scaffolds a dated article with valid frontmatter: npm run new -- "Title" [--lang ru] [--date 2025-09-15]
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/input/dir.ts';
import { BODY_PLACEHOLDER, SUMMARY_PLACEHOLDER } from '../src/input/scaffold.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { lang: { type: 'string', default: 'ru' }, date: { type: 'string', default: new Date().toISOString().slice(0, 10) } },
});
const title = positionals.join(' ').trim();
if (!title) {
	console.error('Usage: npm run new -- "Article title" [--lang ru] [--date YYYY-MM-DD]');
	process.exit(2);
}
// The date and language become part of the file name and frontmatter: only plain values, so nothing is
// written outside content/articles/.
const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
if (!isDay(values.date)) {
	console.error(`✖ --date ${JSON.stringify(values.date)}: expected the article's publication day as YYYY-MM-DD, e.g. --date 2025-09-15`);
	process.exit(2);
}
if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(values.lang)) {
	console.error(`✖ --lang ${JSON.stringify(values.lang)}: expected a language tag such as ru, en or fr`);
	process.exit(2);
}
const translit: Record<string, string> = Object.fromEntries(
	[...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'].map((c, i) =>
		[c, ['a', 'b', 'v', 'g', 'd', 'e', 'e', 'zh', 'z', 'i', 'y', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'kh', 'ts', 'ch', 'sh', 'shch', '', 'y', '', 'e', 'yu', 'ya'][i]],
	),
);
const words = [...title.toLowerCase()].map((c) => translit[c] ?? c).join('').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const slug = `${values.date}-${words.split('-').slice(0, 6).join('-') || 'article'}`;
const file = join(contentDir(), 'articles', `${slug}.md`);
if (existsSync(file)) {
	console.error(`${file} already exists`);
	process.exit(1);
}
writeFileSync(
	file,
	`---
title: ${JSON.stringify(title)}
date: ${values.date}
lang: ${values.lang}
summary: ${JSON.stringify(SUMMARY_PLACEHOLDER)}
# source: { outlet: "…", url: "https://…" }
cites: []
actors: [mali-junta]   # ids of files in content/actors/; at least one principal (us, mali-junta, russia, belarus)
events: []
#  - id: short-stable-id
#    date: "2025-09"    # EDTF: 2021 | 2025-07 | 2023~ | 2025-09-08/2025-09-14
#    title: "…"
#    kind: visit
#    actors: [us, mali-junta]
relations: []
---
${BODY_PLACEHOLDER}
`,
);
console.log(`Created ${file}\nReplace the TODO summary and paste the article text under the frontmatter, then run: npm run check`);
