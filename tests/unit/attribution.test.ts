import { describe, expect, it } from 'vitest';
import { citeChain, citedOutlets, listedSources, sourceRefs } from '../../src/model/attribution.ts';
import { cardChipIds } from '../../src/model/article-card.ts';
import { buildTimeline } from '../../src/model/timeline.ts';
import { actorMap, article } from './article-fixture.ts';

const wapo = { outlet: 'The Washington Post', via: 'several US officials, unnamed' };

describe('short references to articles', () => {
	it('say when and according to whom, and tell apart two articles that would read alike', () => {
		const refs = sourceRefs([
			{ slug: 'a', date: '2025-09-15', cites: [wapo] },
			{ slug: 'b', date: '2025-09-15', cites: [] },
			{ slug: 'c', date: '2025-09-16', outlet: 'Reuters', cites: [wapo, { outlet: 'Le Monde' }, { outlet: 'RFI' }] },
			{ slug: 'a', date: '2025-09-15', cites: [wapo] },
		]);
		expect([...refs.values()]).toEqual([
			{ slug: 'a', label: 'article of 15 Sep 2025', href: '#source-a', according: 'The Washington Post' },
			{ slug: 'b', label: 'article of 15 Sep 2025 (2)', href: '#source-b', according: '' },
			{ slug: 'c', label: 'Reuters, 16 Sep 2025', href: '#source-c', according: 'The Washington Post, Le Monde and 1 more' },
		]);
		expect(sourceRefs([{ slug: 'a', date: '2025-09-15', cites: [] }], (slug) => `/articles/${slug}/`).get('a')!.href).toBe('/articles/a/');
	});

	it('keep the full chain for the one place it is written', () => {
		expect(citeChain([wapo, { outlet: 'Reuters' }])).toBe('The Washington Post, citing several US officials, unnamed; Reuters');
		expect(citedOutlets([wapo, { outlet: 'The Washington Post', via: 'a diplomat' }])).toBe('The Washington Post');
	});

	it('list each article a page cites once, in order of first appearance', () => {
		const timeline = buildTimeline(
			[
				article('2025-09-15-first', '2025-09-15', [{ date: '2021' }, { date: '2025-07' }], { cites: [wapo] }),
				article('2025-10-01-second', '2025-10-01', [{ date: '2023' }]),
			],
			actorMap(),
		);
		const listed = listedSources(timeline);
		expect(listed.map((l) => [l.source.slug, l.entries, l.ref.label])).toEqual([
			['2025-09-15-first', 2, 'article of 15 Sep 2025'],
			['2025-10-01-second', 1, 'article of 1 Oct 2025'],
		]);
	});
});

describe('article card chips', () => {
	it('put the page’s actor first, then actors with a bloc, at most six', () => {
		const blocs: Record<string, string> = { us: 'us', russia: 'russia', belarus: 'belarus', 'mali-junta': 'mali-junta', cia: 'us', wagner: 'russia' };
		const ids = ['wapo', 'us', 'al-qaeda', 'russia', 'belarus', 'mali-junta', 'cia', 'wagner', 'belavia'];
		expect(cardChipIds(ids, (id) => blocs[id])).toEqual(['us', 'russia', 'belarus', 'mali-junta', 'cia', 'wagner']);
		expect(cardChipIds(ids, (id) => blocs[id], { first: 'al-qaeda', limit: 3 })).toEqual(['al-qaeda', 'us', 'russia']);
	});
});

describe('the list of sources of a timeline page', () => {
	it('keeps only articles reporting several entries, numbered among themselves', () => {
		const timeline = buildTimeline(
			[
				article('2025-09-15-first', '2025-09-15', [{ date: '2021' }, { date: '2025-07' }]),
				article('2025-09-15-second', '2025-09-15', [{ date: '2023' }]),
				article('2025-09-15-third', '2025-09-15', [{ date: '2022' }, { date: '2024' }]),
			],
			actorMap(),
		);
		expect(listedSources(timeline, 2).map((l) => [l.source.slug, l.entries, l.ref.label])).toEqual([
			['2025-09-15-first', 2, 'article of 15 Sep 2025'],
			['2025-09-15-third', 2, 'article of 15 Sep 2025 (2)'],
		]);
	});
});
