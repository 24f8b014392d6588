import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckedContent } from '../../src/content/check.ts';
import { aggregateRelations, buildRelationMap, overlappingLabels, wrapLabel, type RelationMap } from '../../src/model/relation-map.ts';
import { RELATION_KINDS } from '../../src/schema/relation.ts';
import { actorMap, article } from './article-fixture.ts';

let content: CheckedContent;
beforeAll(() => {
	content = checkContent('content');
	expect(content.problems).toEqual([]);
});

const ids = (map: RelationMap) => map.nodes.map((n) => n.id);
const inside = (map: RelationMap) =>
	map.nodes.every(
		({ box }) => box.x >= map.viewBox.x && box.y >= map.viewBox.y && box.x + box.width <= map.viewBox.x + map.viewBox.width && box.y + box.height <= map.viewBox.y + map.viewBox.height,
	);

describe('aggregateRelations', () => {
	it('merges the same relation from several articles into one per pair, counting articles', () => {
		const actors = actorMap();
		const rel = (from: string, to: string, kind: (typeof RELATION_KINDS)[number]) => ({ from, to, kind });
		const articles = [
			article('a', '2025-01-01', [], { relations: [rel('russia', 'mali-junta', 'military-partnership'), rel('russia', 'mali-junta', 'military-partnership')] }),
			article('b', '2025-02-01', [], { relations: [rel('russia', 'mali-junta', 'military-partnership'), rel('mali-junta', 'russia', 'partner')] }),
			article('c', '2025-03-01', [], { relations: [rel('us', 'nobody', 'sanctions'), rel('us', 'us', 'partner')] }),
		];
		const pairs = aggregateRelations(articles, actors);
		expect([...pairs.keys()]).toHaveLength(1);
		expect([...pairs.values()][0]).toEqual([
			{ from: 'russia', to: 'mali-junta', kind: 'military-partnership', articles: 2 },
			{ from: 'mali-junta', to: 'russia', kind: 'partner', articles: 1 },
		]);
	});
});

describe('wrapLabel', () => {
	it('wraps long names at spaces and keeps short ones whole', () => {
		expect(wrapLabel('Russia')).toEqual(['Russia']);
		expect(wrapLabel('US National Security Council')).toEqual(['US National Security', 'Council']);
	});
});

describe('buildRelationMap on the real content', () => {
	it('places every actor with a relation or a parent, and joins them as the relations and parents say', () => {
		const { map } = buildRelationMap(content.actors, content.articles);
		expect(ids(map)).toEqual(expect.arrayContaining(['us', 'mali-junta', 'russia', 'belarus', 'wagner-group', 'africa-corps', 'belavia', 'cia']));
		// The Washington Post is only cited, never related: it has no place on the map.
		expect(ids(map)).not.toContain('the-washington-post');
		const edge = (a: string, b: string) => map.edges.find((e) => e.source === [a, b].sort()[0] && e.target === [a, b].sort()[1]);
		expect(edge('russia', 'mali-junta')!.relations.map((r) => r.kind)).toEqual(['military-partnership']);
		// source/target are alphabetical (mali-junta, russia); the relation goes from Russia, so the arrow points back at the source.
		expect(edge('russia', 'mali-junta')!.direction).toBe('backward');
		expect(edge('us', 'mali-junta')!.relations.map((r) => r.kind).sort()).toEqual(['intelligence-sharing', 'sanctions']);
		expect(edge('us', 'belarus')!.relations.map((r) => r.kind)).toEqual(['sanctions-relief']);
		expect(edge('wagner-group', 'russia')!.member).toBe('wagner-group');
		expect(edge('belavia', 'belarus')!.member).toBe('belavia');
		expect(edge('africa-corps', 'russia')!.member).toBe('africa-corps');
	});

	it('is deterministic: the same input gives the same positions', () => {
		const a = buildRelationMap(content.actors, content.articles).map;
		const b = buildRelationMap(content.actors, [...content.articles]).map;
		expect(JSON.stringify(b)).toBe(JSON.stringify(a));
	});

	it('keeps labels legible: no two node-and-label boxes overlap, and all lie inside the viewBox', () => {
		const { map } = buildRelationMap(content.actors, content.articles);
		expect(overlappingLabels(map)).toEqual([]);
		expect(inside(map)).toBe(true);
		// Edge labels never sit on a node's box.
		for (const edge of map.edges.filter((e) => e.label)) {
			for (const node of map.nodes) {
				const { x, y } = edge.label!;
				expect(x > node.box.x && x < node.box.x + node.box.width && y > node.box.y && y < node.box.y + node.box.height, `${edge.label!.text} on ${node.id}`).toBe(false);
			}
		}
	});

	it('keeps the bloc clusters apart: the US to the west of the Mali junta, Russia to its east', () => {
		const { map } = buildRelationMap(content.actors, content.articles);
		const x = (id: string) => map.nodes.find((n) => n.id === id)!.x;
		expect(x('us')).toBeLessThan(x('mali-junta'));
		expect(x('russia')).toBeGreaterThan(x('mali-junta'));
	});

	it('cuts a neighbourhood: the actor, its counterparts, parent and members, at the same positions, cropped', () => {
		const graph = buildRelationMap(content.actors, content.articles);
		const russia = graph.neighbourhood('russia')!;
		expect(russia.focus).toBe('russia');
		expect(ids(russia).sort()).toEqual(['africa-corps', 'belarus', 'mali-junta', 'russia', 'vladimir-putin', 'wagner-group']);
		expect(russia.edges.every((e) => ids(russia).includes(e.source) && ids(russia).includes(e.target))).toBe(true);
		const full = new Map(graph.map.nodes.map((n) => [n.id, n]));
		expect(russia.nodes.every((n) => full.get(n.id)!.x === n.x && full.get(n.id)!.y === n.y)).toBe(true);
		expect(russia.viewBox.width).toBeLessThan(graph.map.viewBox.width);
		expect(inside(russia)).toBe(true);
		expect(ids(graph.neighbourhood('belavia')!).sort()).toEqual(['belarus', 'belavia', 'us']);
		expect(graph.neighbourhood('the-washington-post')).toBeUndefined();
	});
});

describe('buildRelationMap at scale', () => {
	it('lays out 10,000 articles of relations quickly: edges grow with pairs of actors, not with articles', () => {
		const actorIds = [...content.actors.keys()];
		let seed = 1;
		const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
		const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
		const articles = Array.from({ length: 10_000 }, (_, i) =>
			article(`a${i}`, '2025-01-01', [], { relations: Array.from({ length: 3 }, () => ({ from: pick(actorIds), to: pick(actorIds), kind: pick(RELATION_KINDS) })) }),
		);
		const start = performance.now();
		const graph = buildRelationMap(content.actors, articles);
		for (const id of actorIds) graph.neighbourhood(id);
		const elapsed = performance.now() - start;
		expect(graph.map.edges.length).toBeLessThanOrEqual((actorIds.length * (actorIds.length - 1)) / 2);
		expect(graph.map.nodes).toHaveLength(actorIds.length);
		expect(elapsed).toBeLessThan(3000);
		// A dense neighbourhood keeps only the actor's own edges, so its map stays readable.
		const russia = graph.neighbourhood('russia')!;
		expect(russia.edges.length).toBeGreaterThan(10);
		expect(russia.edges.every((e) => e.source === 'russia' || e.target === 'russia')).toBe(true);
	});
});
