import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { checkContent } from '../../src/input/check.ts';

const actorFile = (en: string, ru: string, bloc: string) => `---\nname: { en: ${en}, ru: ${ru} }\nkind: state\nbloc: ${bloc}\n---\n${en}.\n`;

const articleFile = (date: string, eventDate: string) => `---
title: "Article of ${date}"
date: ${date}
lang: en
summary: Reports the coup.
actors: [mali-junta]
events:
  - id: 2021-mali-coup
    date: "${eventDate}"
    title: Military coup in Mali
    kind: coup
    actors: [mali-junta]
---
Text.
`;

describe('checkContent and shared event ids', () => {
	const root = mkdtempSync(join(tmpdir(), 'event-conflict-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));
	mkdirSync(join(root, 'content', 'actors'), { recursive: true });
	mkdirSync(join(root, 'content', 'articles'), { recursive: true });
	writeFileSync(join(root, 'content/actors/us.md'), actorFile('United States', 'США', 'us'));
	writeFileSync(join(root, 'content/actors/mali-junta.md'), actorFile('Mali junta', 'Малийская хунта', 'mali-junta'));
	writeFileSync(join(root, 'content/actors/russia.md'), actorFile('Russia', 'Россия', 'russia'));
	writeFileSync(join(root, 'content/actors/belarus.md'), actorFile('Belarus', 'Беларусь', 'belarus'));

	it('reports one event id given two different dates', () => {
		writeFileSync(join(root, 'content/articles/2025-01-01-a.md'), articleFile('2025-01-01', '2021'));
		writeFileSync(join(root, 'content/articles/2025-02-01-b.md'), articleFile('2025-02-01', '2021-08'));
		const { articles, ...checked } = checkContent(join(root, 'content'), root);
		// Mention warnings (the fixture text names no actor) are not what this test is about.
		const problems = checked.problems.filter((p) => p.severity === 'error');
		expect(articles).toHaveLength(2);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ severity: 'error', file: 'content/articles/2025-02-01-b.md', field: 'events[0].date' });
		expect(problems[0].found).toContain('2021-mali-coup');
		expect(problems[0].expected).toContain('"2021"');
	});

	it('accepts the same id with the same date', () => {
		writeFileSync(join(root, 'content/articles/2025-02-01-b.md'), articleFile('2025-02-01', '2021'));
		expect(checkContent(join(root, 'content'), root).problems.filter((p) => p.severity === 'error')).toEqual([]);
	});
});
