import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { ActorEntry, ArticleEntry } from '../content/check.ts';
import type { Bloc } from '../schema/ids.ts';
import type { RelationData } from '../schema/relation.ts';

/** One kind of relation between a pair of actors, in one direction, and how many articles state it. */
export interface PairRelation {
	from: string;
	to: string;
	kind: RelationData['kind'];
	articles: number;
}

/** Everything linking two actors: their relations (any direction) and whether one is part of the other. */
export interface MapEdge {
	/** Ids in alphabetical order; `source < target`. */
	source: string;
	target: string;
	relations: PairRelation[];
	/** Id of the member when one actor is the other's parent (the `parent` field), else undefined. */
	member?: string;
	/** Where arrows point: at `target`, at `source`, both ways, or nowhere (membership only). */
	direction: 'forward' | 'backward' | 'both' | 'none';
	/** Relation kinds written along the edge, where they fit without covering a node or another label. */
	label?: EdgeLabel;
	/** Line from the edge of one node's circle to the other's, in map coordinates. */
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/** Text centred at (x, y). */
export interface EdgeLabel {
	text: string;
	x: number;
	y: number;
}

/** An actor placed on the map: its circle at (x, y), its label below it. */
export interface MapNode {
	id: string;
	name: string;
	bloc?: Bloc;
	kind: ActorEntry['data']['kind'];
	x: number;
	y: number;
	r: number;
	/** The name wrapped into short lines, drawn centred under the circle. */
	label: string[];
	/** Box the circle and label occupy together, for overlap checks and cropping. */
	box: Box;
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** A laid-out map, ready to draw into an SVG of the given viewBox. */
export interface RelationMap {
	viewBox: Box;
	nodes: MapNode[];
	edges: MapEdge[];
	/** The actor a neighbourhood map is cut around. */
	focus?: string;
}

export interface RelationGraph {
	/** Every actor that has a relation or a parent link, laid out once. */
	map: RelationMap;
	/** The actor, its direct counterparts and members/parent, and the edges among them (only the actor's own in a dense graph), at the same positions; undefined when it has none. */
	neighbourhood(id: string): RelationMap | undefined;
}

/** Sizes in map units; the SVG shows 1 unit ≈ 1 CSS pixel at full width. */
export const MAP_FONT_SIZE = 12;
export const EDGE_FONT_SIZE = 10;
const EDGE_CHAR_WIDTH = 5.8;
const LINE_HEIGHT = 14;
const CHAR_WIDTH = 7; // generous average advance of a 12px sans-serif glyph
const LABEL_GAP = 4;
const PADDING = 16;
const TICKS = 400;
/** Most edges a neighbourhood map draws between an actor's neighbours before it keeps only the actor's own edges. */
export const NEIGHBOURHOOD_EDGES = 40;
/** The simulation runs with y stretched by this factor, so circular collision keeps wide, flat label boxes apart. */
const Y_STRETCH = 1.7;

/** Where each bloc's actors start and are gently held: Mali's junta in the middle, its partners around it. */
const ANCHORS: Record<Bloc | 'none', { x: number; y: number }> = {
	us: { x: -340, y: -40 },
	'mali-junta': { x: 0, y: 0 },
	russia: { x: 340, y: -120 },
	belarus: { x: 360, y: 200 },
	none: { x: 0, y: 260 },
};

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Splits a name into lines of at most `max` characters at spaces (a longer single word keeps its own line). */
export function wrapLabel(name: string, max = 20): string[] {
	const lines: string[] = [];
	for (const word of name.split(/\s+/).filter(Boolean)) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

function nodeRadius(actor: ActorEntry): number {
	return actor.data.bloc === actor.id ? 13 : actor.data.kind === 'person' ? 6 : 8;
}

/** Relations of every article merged per pair of actors and kind: the map's edges do not grow with the number of articles. */
export function aggregateRelations(articles: readonly ArticleEntry[], actors: ReadonlyMap<string, ActorEntry>): Map<string, PairRelation[]> {
	const pairs = new Map<string, Map<string, PairRelation>>();
	for (const article of articles) {
		const seen = new Set<string>();
		for (const { from, to, kind } of article.data.relations) {
			if (from === to || !actors.has(from) || !actors.has(to)) continue;
			const key = pairKey(from, to);
			const relKey = `${from}\u0000${to}\u0000${kind}`;
			let kinds = pairs.get(key);
			if (!kinds) pairs.set(key, (kinds = new Map()));
			const known = kinds.get(relKey);
			if (!known) kinds.set(relKey, { from, to, kind, articles: 1 });
			else if (!seen.has(relKey)) known.articles++;
			seen.add(relKey);
		}
	}
	const result = new Map<string, PairRelation[]>();
	for (const [key, kinds] of pairs) result.set(key, [...kinds.values()].sort((a, b) => b.articles - a.articles || a.kind.localeCompare(b.kind) || a.from.localeCompare(b.from)));
	return result;
}

interface SimNode extends SimulationNodeDatum {
	id: string;
	x: number;
	y: number;
	collide: number;
}

function boxOf(x: number, y: number, r: number, label: string[]): Box {
	const labelWidth = Math.max(...label.map((line) => line.length)) * CHAR_WIDTH;
	const width = Math.max(2 * r, labelWidth);
	return { x: x - width / 2, y: y - r, width, height: 2 * r + LABEL_GAP + label.length * LINE_HEIGHT };
}

function directionOf(edge: Pick<MapEdge, 'source' | 'target' | 'relations'>): MapEdge['direction'] {
	const forward = edge.relations.some((r) => r.from === edge.source);
	const backward = edge.relations.some((r) => r.from === edge.target);
	return forward && backward ? 'both' : forward ? 'forward' : backward ? 'backward' : 'none';
}

/** Clips the centre-to-centre line to the two circles, so arrowheads touch the circles' rims. */
function clip(a: MapNode, b: MapNode): Pick<MapEdge, 'x1' | 'y1' | 'x2' | 'y2'> {
	const dx = b.x - a.x;
	const dy = b.y - a.y;
	const length = Math.hypot(dx, dy) || 1;
	const round = (v: number) => Math.round(v * 10) / 10;
	return {
		x1: round(a.x + (dx / length) * (a.r + 1)),
		y1: round(a.y + (dy / length) * (a.r + 1)),
		x2: round(b.x - (dx / length) * (b.r + 2)),
		y2: round(b.y - (dy / length) * (b.r + 2)),
	};
}

/** The force layout keeps circles apart; label boxes are rectangles, so nudge any still overlapping apart along the shorter overlap. */
function separateBoxes(nodes: MapNode[], gap = 4, rounds = 100): void {
	for (let round = 0; round < rounds; round++) {
		let moved = false;
		for (let i = 0; i < nodes.length; i++) {
			for (let j = i + 1; j < nodes.length; j++) {
				const a = nodes[i]!;
				const b = nodes[j]!;
				const dx = Math.min(a.box.x + a.box.width, b.box.x + b.box.width) - Math.max(a.box.x, b.box.x) + gap;
				const dy = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y) + gap;
				if (dx <= 0 || dy <= 0) continue;
				moved = true;
				const [first, second] = dx < dy ? (a.x <= b.x ? [a, b] : [b, a]) : a.y <= b.y ? [a, b] : [b, a];
				if (dx < dy) {
					first.x -= dx / 2;
					second.x += dx / 2;
				} else {
					first.y -= dy / 2;
					second.y += dy / 2;
				}
				for (const node of [first, second]) node.box = boxOf(node.x, node.y, node.r, node.label);
			}
		}
		if (!moved) return;
	}
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Places each edge's kinds at the first spot along it (middle first) that covers no node and no earlier label; an edge with no free spot goes unlabelled. */
function placeEdgeLabels(nodes: readonly MapNode[], edges: readonly Omit<MapEdge, 'label'>[]): MapEdge[] {
	const taken: Box[] = nodes.map((n) => n.box);
	return edges.map((edge) => {
		const { label: _, ...bare } = edge as MapEdge;
		if (edge.relations.length === 0) return bare;
		const text = [...new Set(edge.relations.map((r) => r.kind.replaceAll('-', ' ')))].join(', ');
		const width = text.length * EDGE_CHAR_WIDTH + 4;
		const height = EDGE_FONT_SIZE + 3;
		for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78]) {
			const x = Math.round((edge.x1 + (edge.x2 - edge.x1) * t) * 10) / 10;
			const y = Math.round((edge.y1 + (edge.y2 - edge.y1) * t) * 10) / 10;
			const box = { x: x - width / 2, y: y - height / 2, width, height };
			if (taken.some((other) => overlaps(box, other))) continue;
			taken.push(box);
			return { ...bare, label: { text, x, y } };
		}
		return bare;
	});
}

function viewBoxAround(nodes: readonly MapNode[]): Box {
	if (nodes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
	const minX = Math.min(...nodes.map((n) => n.box.x)) - PADDING;
	const minY = Math.min(...nodes.map((n) => n.box.y)) - PADDING;
	const maxX = Math.max(...nodes.map((n) => n.box.x + n.box.width)) + PADDING;
	const maxY = Math.max(...nodes.map((n) => n.box.y + n.box.height)) + PADDING;
	return { x: Math.floor(minX), y: Math.floor(minY), width: Math.ceil(maxX - minX), height: Math.ceil(maxY - minY) };
}

/**
 * Lays out actors and their relations with d3-force, once for the whole site. Deterministic: nodes start at fixed
 * positions around their bloc's anchor, d3-force's random source is its fixed-seed generator, and the tick count is fixed.
 */
export function buildRelationMap(actors: ReadonlyMap<string, ActorEntry>, articles: readonly ArticleEntry[]): RelationGraph {
	const relations = aggregateRelations(articles, actors);
	const edgeSpecs = new Map<string, { source: string; target: string; relations: PairRelation[]; member?: string }>();
	for (const [key, list] of relations) {
		const [source, target] = key.split('\u0000') as [string, string];
		edgeSpecs.set(key, { source, target, relations: list });
	}
	for (const actor of actors.values()) {
		const parent = actor.data.parent;
		if (!parent || parent === actor.id || !actors.has(parent)) continue;
		const key = pairKey(actor.id, parent);
		const [source, target] = key.split('\u0000') as [string, string];
		const spec = edgeSpecs.get(key) ?? { source, target, relations: [] };
		spec.member = actor.id;
		edgeSpecs.set(key, spec);
	}

	const linked = new Set([...edgeSpecs.values()].flatMap((e) => [e.source, e.target]));
	const placed = [...actors.values()].filter((actor) => linked.has(actor.id)).sort((a, b) => a.id.localeCompare(b.id));
	const labels = new Map(placed.map((actor) => [actor.id, wrapLabel(actor.data.name.en)]));

	// Fixed starting positions: a sunflower spiral around each bloc's anchor, principals at the centre.
	const perBloc = new Map<string, number>();
	const ordered = [...placed].sort((a, b) => Number(b.data.bloc === b.id) - Number(a.data.bloc === a.id) || a.id.localeCompare(b.id));
	const simNodes: SimNode[] = ordered.map((actor) => {
		const anchor = ANCHORS[actor.data.bloc ?? 'none'];
		const i = perBloc.get(actor.data.bloc ?? 'none') ?? 0;
		perBloc.set(actor.data.bloc ?? 'none', i + 1);
		const box = boxOf(0, 0, nodeRadius(actor), labels.get(actor.id)!);
		return {
			id: actor.id,
			x: anchor.x + 40 * Math.sqrt(i) * Math.cos(i * 2.39996),
			y: (anchor.y + 40 * Math.sqrt(i) * Math.sin(i * 2.39996)) * Y_STRETCH,
			// A circle around the node centre covering its label box, in stretched space, plus breathing room.
			collide: Math.max(box.width / 2, box.height * Y_STRETCH * 0.75) + 6,
		};
	});
	const blocOf = (id: string) => actors.get(id)!.data.bloc ?? 'none';
	const links = [...edgeSpecs.values()].map((e) => ({ source: e.source, target: e.target, member: e.member !== undefined }));

	forceSimulation(simNodes)
		.force('link', forceLink<SimNode, (typeof links)[number]>(links).id((n) => n.id).distance((l) => (l.member ? 70 : 150)).strength((l) => (l.member ? 0.5 : 0.08)))
		.force('charge', forceManyBody<SimNode>().strength(-260).distanceMax(600))
		.force('collide', forceCollide<SimNode>((n) => n.collide).strength(0.9).iterations(3))
		.force('x', forceX<SimNode>((n) => ANCHORS[blocOf(n.id)].x).strength(0.12))
		.force('y', forceY<SimNode>((n) => ANCHORS[blocOf(n.id)].y * Y_STRETCH).strength(0.12))
		.stop()
		.tick(TICKS);

	const round = (v: number) => Math.round(v * 10) / 10;
	const nodes: MapNode[] = simNodes
		.map((sim) => {
			const actor = actors.get(sim.id)!;
			const r = nodeRadius(actor);
			const x = sim.x;
			const y = sim.y / Y_STRETCH;
			const label = labels.get(actor.id)!;
			return { id: actor.id, name: actor.data.name.en, ...(actor.data.bloc ? { bloc: actor.data.bloc } : {}), kind: actor.data.kind, x, y, r, label, box: boxOf(x, y, r, label) };
		})
		.sort((a, b) => a.id.localeCompare(b.id));
	separateBoxes(nodes);
	for (const node of nodes) {
		node.x = round(node.x);
		node.y = round(node.y);
		node.box = boxOf(node.x, node.y, node.r, node.label);
	}
	const nodeById = new Map(nodes.map((n) => [n.id, n]));
	// Most-cited pairs first, so their labels win the free spots.
	const cited = (e: { relations: PairRelation[] }) => e.relations.reduce((sum, r) => sum + r.articles, 0);
	const edges: MapEdge[] = placeEdgeLabels(
		nodes,
		[...edgeSpecs.values()]
			.map((spec) => ({ ...spec, direction: directionOf(spec), ...clip(nodeById.get(spec.source)!, nodeById.get(spec.target)!) }))
			.sort((a, b) => cited(b) - cited(a) || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
	);

	const neighbours = new Map<string, Set<string>>();
	for (const edge of edges) {
		for (const [a, b] of [[edge.source, edge.target], [edge.target, edge.source]] as const) {
			let set = neighbours.get(a);
			if (!set) neighbours.set(a, (set = new Set()));
			set.add(b);
		}
	}
	const cache = new Map<string, RelationMap | undefined>();

	return {
		map: { viewBox: viewBoxAround(nodes), nodes, edges },
		neighbourhood(id) {
			if (cache.has(id)) return cache.get(id);
			let cut: RelationMap | undefined;
			const around = neighbours.get(id);
			if (around) {
				const keep = new Set([id, ...around]);
				const cutNodes = nodes.filter((n) => keep.has(n.id));
				const among = edges.filter((e) => keep.has(e.source) && keep.has(e.target));
				// Edges between the neighbours give context; in a dense graph they would bury the actor's own, so then only those stay.
				const shown = among.length <= NEIGHBOURHOOD_EDGES ? among : among.filter((e) => e.source === id || e.target === id);
				const cutEdges = placeEdgeLabels(cutNodes, shown);
				cut = { viewBox: viewBoxAround(cutNodes), nodes: cutNodes, edges: cutEdges, focus: id };
			}
			cache.set(id, cut);
			return cut;
		},
	};
}

/** Pairs of nodes whose circle-and-label boxes overlap; the layout aims for none. */
export function overlappingLabels(map: RelationMap): [string, string][] {
	const hits: [string, string][] = [];
	for (let i = 0; i < map.nodes.length; i++) {
		for (let j = i + 1; j < map.nodes.length; j++) {
			const a = map.nodes[i]!.box;
			const b = map.nodes[j]!.box;
			if (overlaps(a, b)) hits.push([map.nodes[i]!.id, map.nodes[j]!.id]);
		}
	}
	return hits;
}
