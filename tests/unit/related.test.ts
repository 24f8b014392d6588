import { describe, expect, it } from 'vitest';
import type { ArticleEntry } from '../../src/schema/content.ts';
import { buildRelatedIndex } from '../../src/model/related.ts';

const article = (id: string, date: string, actors: string[], eventIds: string[] = []) =>
	({ id, file: '', body: '', bodyLine: 0, data: { date: new Date(date), actors, events: eventIds.map((eid) => ({ id: eid })) } }) as unknown as ArticleEntry;

describe('related articles', () => {
	it('ranks shared events over shared actors, rarer actors over common ones, newer first on ties, never itself', () => {
		const articles = [
			article('a', '2025-01-01', ['us', 'wagner'], ['e1']),
			article('shares-event', '2024-01-01', ['russia'], ['e1']),
			article('shares-rare-actor', '2024-02-01', ['wagner']),
			article('shares-common-old', '2023-01-01', ['us']),
			article('shares-common-new', '2023-06-01', ['us']),
			article('also-us', '2023-03-01', ['us']),
			article('unrelated', '2025-02-01', ['belarus']),
		];
		const related = buildRelatedIndex(articles);
		expect(related.relatedTo('a', 4).map((a) => a.id)).toEqual(['shares-event', 'shares-rare-actor', 'shares-common-new', 'also-us']);
		expect(related.relatedTo('a', 10).map((a) => a.id)).not.toContain('a');
		expect(related.relatedTo('a', 10).map((a) => a.id)).not.toContain('unrelated');
		expect(related.relatedTo('nobody')).toEqual([]);
	});

	it('picks the same articles as sorting every candidate', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
		const actors = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
		const articles = Array.from({ length: 300 }, (_, i) =>
			article(`n${i}`, `202${Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`, actors.filter(() => random() < 0.3), random() < 0.3 ? [`e${Math.floor(random() * 20)}`] : []),
		);
		const index = buildRelatedIndex(articles);
		const bySlug = new Map(articles.map((a) => [a.id, a]));
		for (const a of articles.slice(0, 40)) {
			// Reference: score every other article the same way and sort them all.
			const scores = new Map<string, number>();
			const count = (actor: string) => articles.filter((x) => x.data.actors.includes(actor)).length;
			const mine = [...a.data.actors].sort((x, y) => count(x) - count(y)).slice(0, 6);
			for (const other of articles) {
				if (other.id === a.id) continue;
				let s = 0;
				for (const e of a.data.events) if (e.id && other.data.events.some((o) => o.id === e.id)) s += 3;
				for (const actor of mine) if (other.data.actors.includes(actor)) s += 1 / Math.log2(1 + count(actor));
				if (s > 0) scores.set(other.id, s);
			}
			const expected = [...scores]
				.sort((x, y) => y[1] - x[1] || bySlug.get(y[0])!.data.date.getTime() - bySlug.get(x[0])!.data.date.getTime())
				.slice(0, 5)
				.map(([id]) => id);
			expect(index.relatedTo(a.id, 5).map((r) => r.id).map((id) => scores.get(id))).toEqual(expected.map((id) => scores.get(id)));
		}
	});
});
