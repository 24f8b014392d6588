import { beforeAll, describe, expect, it } from 'vitest';
import type { ActorEntry, ArticleEntry } from '../../src/schema/content.ts';
import { checkContent, type CheckedContent } from '../../src/input/check.ts';
import { buildActorIndex, type ActorIndex, type ActorTreeNode } from '../../src/model/actors.ts';
import { actorMap, article } from './article-fixture.ts';

let content: CheckedContent;
let index: ActorIndex;
const SLUG = '2025-09-15-us-mali-junta';

beforeAll(() => {
	content = checkContent('content');
	expect(content.problems).toEqual([]);
	index = buildActorIndex(content.actors, content.articles);
});

const ids = (actors: ActorEntry[]) => actors.map((actor) => actor.id);
const treeIds = (node: ActorTreeNode): unknown => (node.members.length ? { [node.actor.id]: node.members.map(treeIds) } : node.actor.id);

describe('buildActorIndex on the real content', () => {
	it('groups actors by bloc, in order, each under its principal', () => {
		expect(index.blocs.map((group) => group.bloc)).toEqual(['us', 'mali-junta', 'russia', 'belarus']);
		expect(index.blocs.every((group) => group.roots.length === 1 && group.roots[0].actor.id === group.bloc)).toBe(true);
		const russia = index.blocs.find((group) => group.bloc === 'russia')!;
		expect(treeIds(russia.roots[0])).toEqual({
			russia: ['africa-corps', 'vladimir-putin', { 'wagner-group': ['yevgeny-prigozhin'] }],
		});
		const belarus = index.blocs.find((group) => group.bloc === 'belarus')!;
		expect(treeIds(belarus.roots[0])).toEqual({ belarus: ['belavia'] });
		expect(index.independents.map(treeIds)).toEqual(['al-qaeda', 'islamic-state', 'the-washington-post']);
	});

	it('knows members and parent chains', () => {
		// The article calls the Africa Corps a Russian structure and says nothing of the kind about Wagner.
		expect(ids(index.members('russia'))).toEqual(['africa-corps', 'vladimir-putin']);
		expect(ids(index.members('belarus'))).toEqual(['belavia']);
		expect(ids(index.parentChain('rudolph-atallah'))).toEqual(['us', 'us-national-security-council', 'rudolph-atallah']);
		expect(ids(index.parentChain('us'))).toEqual(['us']);
		expect(index.parentChain('nobody')).toEqual([]);
	});

	it('groups relations by counterpart, typed, dated, directed and cited', () => {
		const ofMali = index.relationsOf('mali-junta');
		const russia = ofMali.find((group) => group.counterpart.id === 'russia')!;
		expect(russia.relations).toEqual([
			{ kind: 'military-partnership', direction: 'incoming', since: '2021', until: undefined, inferred: true, note: 'The article says only that Mali built military cooperation with Moscow after the 2021 coup.', articles: [SLUG] },
		]);
		const us = ofMali.find((group) => group.counterpart.id === 'us')!;
		// The article never says the sanctions ended (the invented "until 2025-01" is gone), and dates both only loosely.
		expect(us.relations.map((r) => [r.kind, r.since, r.until, r.inferred])).toEqual([
			['sanctions', '[2021..2025-01]', undefined, true],
			['intelligence-sharing', '[2025-01-20..2025-09-15]', undefined, true],
		]);
		const usToMali = index.relationsOf('us').find((group) => group.counterpart.id === 'mali-junta')!;
		expect(usToMali.relations.every((r) => r.direction === 'outgoing')).toBe(true);
		const usBelarus = index.relationsOf('belarus').find((group) => group.counterpart.id === 'us')!;
		expect(usBelarus.relations).toMatchObject([{ kind: 'sanctions-relief', direction: 'incoming', since: undefined, articles: [SLUG] }]);
	});

	it('lists articles and counts articles and events per actor', () => {
		expect(index.articlesOf('belavia').map((article) => article.id)).toEqual([SLUG]);
		expect(index.articleCount('mali-junta')).toBe(1);
		expect(index.eventCount('mali-junta')).toBe(9);
		expect(index.eventCount('belavia')).toBe(1);
		expect(index.articleCount('nobody')).toBe(0);
	});

	// Was "ranks co-mentioned actors by count, ties by name" (cut at the limit on an alphabetical tie, issue 16):
	// now ranked by shared events, relations, then articles, and never cut inside a tie.
	it('ranks co-mentioned actors by shared events, then relations, then articles, and never cuts inside a tie', () => {
		const ofRussia = index.coMentioned('russia', 3);
		const row = (id: string) => ofRussia.find((c) => c.actor.id === id);
		// Mali junta: 2 shared events (Wagner's arrival, the Africa Corps handover) and 1 relation; Wagner: the same 2 events.
		expect(ofRussia.slice(0, 2).map((c) => [c.actor.id, c.events, c.relations, c.count])).toEqual([
			['mali-junta', 2, 1, 1],
			['wagner-group', 2, 0, 1],
		]);
		// Africa Corps, Goïta and Prigozhin share one event each: all three stay although the limit is 3.
		expect(ofRussia.slice(2).map((c) => c.actor.id)).toEqual(['africa-corps', 'assimi-goita', 'yevgeny-prigozhin']);
		expect(row('us')).toBeUndefined();
		// Asking for more reaches Belarus (a relation, no event), then every actor sharing only the article, the US among them.
		const all = index.coMentioned('russia', 7);
		expect(all[5]).toMatchObject({ actor: { id: 'belarus' }, events: 0, relations: 1, count: 1 });
		expect(all.map((c) => c.actor.id)).toContain('us');
		expect(all).toHaveLength(content.actors.size - 1);
		expect(index.coMentioned('wagner-group', 100).some((c) => c.actor.id === 'wagner-group')).toBe(false);
		expect(index.coMentioned('russia', 0)).toEqual([]);
	});

	it('puts the US and Russia on the Belavia list and Russia and Prigozhin on the Wagner list at the page limit', () => {
		const at12 = (id: string) => index.coMentioned(id, 12).map((c) => c.actor.id);
		expect(at12('belavia')).toEqual(expect.arrayContaining(['us', 'russia', 'belarus', 'john-coale']));
		expect(at12('wagner-group')).toEqual(expect.arrayContaining(['russia', 'yevgeny-prigozhin', 'mali-junta']));
		expect(at12('russia')).toEqual(expect.arrayContaining(['us', 'wagner-group']));
		// Belavia: one shared event with Coale, Trump, the US and Belarus; the US also has a relation with it.
		expect(index.coMentioned('belavia', 1).map((c) => c.actor.id)).toEqual(['us']);
	});
});

/** A synthetic corpus: article i lists actors by a fixed pattern, so counts are known. */
function corpus(actors: Map<string, ActorEntry>, count: number): ArticleEntry[] {
	const all = [...actors.keys()];
	return Array.from({ length: count }, (_, i) => {
		const listed = [...new Set(['mali-junta', all[i % all.length], all[(i * 7) % all.length], all[(i * 13) % all.length]])];
		return {
			id: `a-${String(i).padStart(5, '0')}`,
			file: `content/articles/a-${i}.md`,
			body: '',
			bodyLine: 1,
			data: {
				title: `Article ${i}`,
				date: new Date(Date.UTC(2020, 0, 1 + (i % 2000))),
				lang: 'en',
				summary: '…',
				cites: [],
				actors: listed,
				events: [{ id: `event-${i % 500}`, date: '2021', title: 'x', kind: 'other', actors: ['mali-junta', listed.at(-1)!] }],
				relations: [{ from: 'us', to: 'mali-junta', kind: 'intelligence-sharing', since: String(2000 + (i % 25)) }],
			},
		} as ArticleEntry;
	});
}

describe('co-mention ranking on synthetic articles', () => {
	it('orders by events before relations before articles, whatever the names', () => {
		const actors = actorMap();
		const articles = [
			article('one', '2025-01-01', [{ id: 'e1', actors: ['us', 'wagner-group'] }], {
				actors: ['us', 'al-qaeda', 'belarus', 'cia', 'wagner-group'],
				relations: [{ from: 'us', to: 'belarus', kind: 'sanctions' }],
			}),
			article('two', '2025-01-02', [], { actors: ['us', 'al-qaeda'] }),
			article('three', '2025-01-03', [], { actors: ['us', 'al-qaeda', 'cia'] }),
		];
		const co = buildActorIndex(actors, articles).coMentioned('us', 10);
		expect(co.map((c) => [c.actor.id, c.events, c.relations, c.count])).toEqual([
			['wagner-group', 1, 0, 1],
			['belarus', 0, 1, 1],
			['al-qaeda', 0, 0, 3],
			['cia', 0, 0, 2],
		]);
	});

	it('keeps every actor tied with the last one shown, and cuts where the tie breaks', () => {
		const actors = actorMap();
		const articles = [article('one', '2025-01-01', [], { actors: ['us', 'al-qaeda', 'belarus', 'cia', 'wagner-group', 'russia'] }), article('two', '2025-01-02', [], { actors: ['us', 'wagner-group'] })];
		const built = buildActorIndex(actors, articles);
		expect(built.coMentioned('us', 1).map((c) => c.actor.id)).toEqual(['wagner-group']);
		expect(built.coMentioned('us', 2).map((c) => c.actor.id)).toEqual(['wagner-group', 'al-qaeda', 'belarus', 'cia', 'russia']);
	});
});

describe('buildActorIndex at scale', () => {
	it('co-mention counts match a direct count', () => {
		const articles = corpus(content.actors, 300);
		const big = buildActorIndex(content.actors, articles);
		const expected = articles.filter((a) => a.data.actors.includes('mali-junta') && a.data.actors.includes('cia')).length;
		expect(big.coMentioned('mali-junta', 100).find((c) => c.actor.id === 'cia')?.count).toBe(expected);
		expect(big.articleCount('mali-junta')).toBe(300);
		expect(big.eventCount('mali-junta')).toBe(300);
		const dates = big.articlesOf('mali-junta').map((a) => a.data.date.getTime());
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		// 25 distinct "since" values, each stated by 12 articles.
		const withMali = big.relationsOf('us').find((g) => g.counterpart.id === 'mali-junta')!;
		expect(withMali.relations).toHaveLength(25);
		expect(withMali.relations.every((r) => r.articles.length === 12)).toBe(true);
	});

	// Its speed is part of `npm run bench` (the build at 10,000 articles), not a timed unit test.
	it('indexes 10,000 articles', () => {
		const articles = corpus(content.actors, 10_000);
		const big = buildActorIndex(content.actors, articles);
		for (const id of content.actors.keys()) {
			big.relationsOf(id);
			big.coMentioned(id, 10);
			big.articlesOf(id);
		}
		expect(big.eventCount('mali-junta')).toBe(500);
	});
});
