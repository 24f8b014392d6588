import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { ActorEntry, ArticleEntry } from '../schema/content.ts';
import type { Bloc } from '../schema/ids.ts';
import type { RelationData } from '../schema/relation.ts';
import { kindWords } from '../language/wording.ts';

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
	/**
	 * Id of the actor listed under the other in the actor index (its `parent` field), else undefined. The grouping is
	 * the site's, not a claim of the articles: the map draws it dashed and words it "listed under", never "part of".
	 */
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
	/** Control point of a quadratic curve, when the straight line would pass through a third node. */
	curve?: { x: number; y: number };
	/** SVG path data of the edge: a line, or a quadratic curve around the node in its way. */
	d: string;
}

/** Text centred at (x, y). */
export interface EdgeLabel {
	text: string;
	x: number;
	y: number;
	/** The box the text is estimated to take, kept clear of every node, label and other edge. */
	box: Box;
}

/** Where a node's name is drawn: lines starting at (x, y) (the first baseline), anchored as SVG's text-anchor says. */
export interface NodeLabel {
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
	/** The box the lines are estimated to take. */
	box: Box;
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
	/** The name wrapped into short lines. */
	label: string[];
	/** Box the circle and a label under it occupy together: what the layout keeps apart. */
	box: Box;
	/** Where the label-placement pass put the name; undefined when no spot clear of edges, nodes and labels was found (the figure then names the actor below the map). */
	place?: NodeLabel;
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
	/** The same map laid out for a phone: at most NARROW_WIDTH units wide, taller, labels at full size. */
	narrow?: RelationMap;
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
/** Width of the phone layout in map units (= CSS px): fits a 390 px screen's column (350 px) without scaling. */
export const NARROW_WIDTH = 340;
/** Characters per label line in the phone layout. */
const NARROW_WRAP = 14;
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

/** The force layout keeps circles apart; label boxes are rectangles, so nudge any still overlapping apart along the shorter overlap. */
function separateBoxes(nodes: MapNode[], gap = 4, rounds = 100, verticalOnly = false): void {
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
				const sideways = dx < dy && !verticalOnly;
				const [first, second] = sideways ? (a.x <= b.x ? [a, b] : [b, a]) : a.y < b.y || (a.y === b.y && a.id < b.id) ? [a, b] : [b, a];
				if (sideways) {
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
const round1 = (v: number) => Math.round(v * 10) / 10;
const grow = (box: Box, by: number): Box => ({ x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by });
const circleBox = (node: Pick<MapNode, 'x' | 'y' | 'r'>, margin = 0): Box => ({ x: node.x - node.r - margin, y: node.y - node.r - margin, width: 2 * (node.r + margin), height: 2 * (node.r + margin) });

type Point = { x: number; y: number };

/** Whether the segment p–q crosses or lies inside the box (Liang–Barsky clipping). */
export function segmentHitsBox(p: Point, q: Point, box: Box): boolean {
	const dx = q.x - p.x;
	const dy = q.y - p.y;
	let t0 = 0;
	let t1 = 1;
	for (const [edge, delta] of [
		[p.x - box.x, -dx],
		[box.x + box.width - p.x, dx],
		[p.y - box.y, -dy],
		[box.y + box.height - p.y, dy],
	] as const) {
		if (delta === 0) {
			if (edge < 0) return false;
			continue;
		}
		const t = edge / delta;
		if (delta < 0) t0 = Math.max(t0, t);
		else t1 = Math.min(t1, t);
		if (t0 > t1) return false;
	}
	return true;
}

/** A route's points and the box around them: most label candidates are rejected or cleared by the box alone. */
interface Polyline {
	points: Point[];
	bounds: Box;
}
function polyline(points: Point[]): Polyline {
	const xs = points.map((p) => p.x);
	const ys = points.map((p) => p.y);
	const x = Math.min(...xs);
	const y = Math.min(...ys);
	return { points, bounds: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y } };
}
const touches = (a: Box, b: Box) => a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
const polylineHitsBox = ({ points, bounds }: Polyline, box: Box) => touches(bounds, box) && points.some((p, i) => i > 0 && segmentHitsBox(points[i - 1]!, p, box));

function distanceToSegment(c: Point, p: Point, q: Point): number {
	const dx = q.x - p.x;
	const dy = q.y - p.y;
	const length2 = dx * dx + dy * dy || 1;
	const t = Math.max(0, Math.min(1, ((c.x - p.x) * dx + (c.y - p.y) * dy) / length2));
	return Math.hypot(c.x - (p.x + t * dx), c.y - (p.y + t * dy));
}

/** Points along the centre-to-centre line or quadratic curve, for collision checks. */
function sample(a: Point, b: Point, control: Point | undefined, steps = 24): Point[] {
	if (!control) return [a, b];
	return Array.from({ length: steps + 1 }, (_, i) => {
		const t = i / steps;
		return { x: (1 - t) ** 2 * a.x + 2 * (1 - t) * t * control.x + t ** 2 * b.x, y: (1 - t) ** 2 * a.y + 2 * (1 - t) * t * control.y + t ** 2 * b.y };
	});
}

/** How close an edge may pass to a third node's centre, beyond its radius. */
const NODE_CLEARANCE = 7;

/**
 * The route of an edge: straight when no third node's circle lies on the line, else the gentlest quadratic curve
 * (bending either way, more and more) that clears every third node; straight again if none does.
 */
function route(a: MapNode, b: MapNode, others: readonly MapNode[]): Point | undefined {
	const clear = (points: Point[]) => {
		const { bounds } = polyline(points);
		return others.every((c) => {
			if (c === a || c === b) return true;
			const reach = c.r + NODE_CLEARANCE;
			// A dot farther than its clearance from the route's box cannot be near the route.
			if (c.x < bounds.x - reach || c.x > bounds.x + bounds.width + reach || c.y < bounds.y - reach || c.y > bounds.y + bounds.height + reach) return true;
			return points.every((p, i) => i === 0 || distanceToSegment(c, points[i - 1]!, p) > reach);
		});
	};
	if (clear([a, b])) return undefined;
	const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
	const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
	const normal = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
	for (const bend of [0.12, 0.2, 0.3, 0.4, 0.5]) {
		for (const side of [1, -1]) {
			const control = { x: round1(mid.x + side * bend * length * normal.x), y: round1(mid.y + side * bend * length * normal.y) };
			if (clear(sample(a, b, control))) return control;
		}
	}
	return undefined;
}

/** Clips a line or curve to the two circles, so arrowheads touch the circles' rims, and writes its path data. */
function clipEdge(a: MapNode, b: MapNode, control: Point | undefined): Pick<MapEdge, 'x1' | 'y1' | 'x2' | 'y2' | 'd' | 'curve'> {
	const towardsB = control ?? b;
	const towardsA = control ?? a;
	const unit = (from: Point, to: Point) => {
		const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
		return { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
	};
	const u = unit(a, towardsB);
	const v = unit(b, towardsA);
	const x1 = round1(a.x + u.x * (a.r + 1));
	const y1 = round1(a.y + u.y * (a.r + 1));
	const x2 = round1(b.x + v.x * (b.r + 2));
	const y2 = round1(b.y + v.y * (b.r + 2));
	return control ? { x1, y1, x2, y2, curve: control, d: `M${x1} ${y1}Q${control.x} ${control.y} ${x2} ${y2}` } : { x1, y1, x2, y2, d: `M${x1} ${y1}L${x2} ${y2}` };
}

const edgePoints = (edge: Pick<MapEdge, 'x1' | 'y1' | 'x2' | 'y2' | 'curve'>) => sample({ x: edge.x1, y: edge.y1 }, { x: edge.x2, y: edge.y2 }, edge.curve);

function labelSize(lines: readonly string[]): { width: number; height: number } {
	return { width: Math.max(...lines.map((line) => line.length)) * CHAR_WIDTH, height: lines.length * LINE_HEIGHT };
}

/**
 * Candidate spots for a node's name, best first: right under the dot, above, right, left, the diagonals, then the
 * in-between directions, then the same a little further out; each also with the name wrapped narrower.
 */
function* labelCandidates(node: MapNode): Generator<NodeLabel & { lines: string[] }> {
	const gap = 3;
	const ascent = MAP_FONT_SIZE - 2;
	const { x, y, r } = node;
	const wraps = [node.label, ...[12, 8].map((max) => wrapLabel(node.name, max))].filter((lines, i, all) => all.findIndex((other) => other.join('\n') === lines.join('\n')) === i);
	const angles = [90, 270, 0, 180, 45, 135, 315, 225, 67.5, 112.5, 292.5, 247.5, 22.5, 157.5, 337.5, 202.5];
	// Generated lazily: most names fit at one of the first few spots.
	for (const distance of [0, 8, 18]) {
		for (const lines of wraps) {
			const { width, height } = labelSize(lines);
			for (const angle of angles) {
				const cos = Math.cos((angle * Math.PI) / 180);
				const sin = Math.sin((angle * Math.PI) / 180);
				const px = x + cos * (r + gap + distance);
				const py = y + sin * (r + gap + distance);
				const anchor: NodeLabel['anchor'] = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
				const left = anchor === 'start' ? px + 1 : anchor === 'end' ? px - 1 - width : px - width / 2;
				const top = sin > 0.3 ? py : sin < -0.3 ? py - height : py - height / 2;
				yield {
					lines,
					anchor,
					x: round1(anchor === 'middle' ? left + width / 2 : anchor === 'start' ? left : left + width),
					y: round1(top + ascent),
					box: { x: round1(left), y: round1(top), width, height },
				};
			}
		}
	}
}

interface FinishOptions {
	focus?: string;
	/** Keep every label inside x ∈ [minX, maxX] (the phone layout's fixed width). */
	bounds?: { minX: number; maxX: number };
}

/**
 * Routes the edges around nodes, then places each node's name at the first candidate spot that covers no node, no
 * other label and no edge (names without such a spot go unlabelled and are listed under the map), then writes each
 * edge's kinds on the first spot along it that is clear of nodes, labels and other edges (else the edge goes
 * unlabelled: its kinds are in its tooltip and the list). Most-cited pairs and principals choose first.
 */
function finishMap(nodes: MapNode[], specs: readonly EdgeSpec[], options: FinishOptions = {}): RelationMap {
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const cited = (e: { relations: PairRelation[] }) => e.relations.reduce((sum, r) => sum + r.articles, 0);
	const ordered = [...specs].sort((a, b) => cited(b) - cited(a) || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
	const routed = ordered.map((spec) => {
		const a = byId.get(spec.source)!;
		const b = byId.get(spec.target)!;
		return { ...spec, direction: directionOf(spec), ...clipEdge(a, b, route(a, b, nodes)) };
	});
	const lines = routed.map((edge) => polyline(edgePoints(edge)));

	const degree = new Map<string, number>();
	for (const e of routed) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
	const rank = (n: MapNode) => (n.id === options.focus ? 0 : n.bloc === n.id ? 1 : 2);
	const labelOrder = [...nodes].sort((a, b) => rank(a) - rank(b) || (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.id.localeCompare(b.id));
	const circles = nodes.map((n) => circleBox(n, 2));
	const taken: Box[] = [];
	const within = (box: Box) => !options.bounds || (box.x >= options.bounds.minX && box.x + box.width <= options.bounds.maxX);
	const placed = new Map<string, { label: string[]; place: NodeLabel }>();
	for (const node of labelOrder) {
		const spot = labelCandidates(node).find(({ box }) => {
			const padded = grow(box, 1);
			return within(box) && !circles.some((c) => overlaps(padded, c)) && !taken.some((t) => overlaps(padded, t)) && !lines.some((line) => polylineHitsBox(line, padded));
		});
		if (!spot) continue;
		const { lines: label, ...place } = spot;
		placed.set(node.id, { label, place });
		taken.push(spot.box);
	}
	const finished = nodes.map((node) => {
		const { place: _, ...bare } = node;
		const spot = placed.get(node.id);
		return spot ? { ...bare, ...spot } : bare;
	});

	const edges: MapEdge[] = routed.map((edge, i) => {
		if (edge.relations.length === 0) return edge;
		const text = [...new Set(edge.relations.map((r) => kindWords(r.kind)))].join(', ');
		const width = text.length * EDGE_CHAR_WIDTH + 4;
		const height = EDGE_FONT_SIZE + 3;
		const { points } = lines[i]!;
		const at = (t: number) => (points.length === 2 ? { x: points[0]!.x + (points[1]!.x - points[0]!.x) * t, y: points[0]!.y + (points[1]!.y - points[0]!.y) * t } : points[Math.round(t * (points.length - 1))]!);
		// On the line first (its halo hides the line under it), then beside it on either side.
		for (const side of [0, 1, -1]) {
			for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78]) {
				const position = at(t);
				const ahead = at(Math.min(1, t + 0.05));
				const behind = at(Math.max(0, t - 0.05));
				const length = Math.hypot(ahead.x - behind.x, ahead.y - behind.y) || 1;
				const normal = { x: -(ahead.y - behind.y) / length, y: (ahead.x - behind.x) / length };
				const shift = side * (Math.abs(normal.x) * (width / 2) + Math.abs(normal.y) * (height / 2) + 2);
				const x = round1(position.x + normal.x * shift);
				const y = round1(position.y + normal.y * shift);
				const box = { x: round1(x - width / 2), y: round1(y - height / 2), width, height };
				if (!within(box) || circles.some((c) => overlaps(box, c)) || taken.some((other) => overlaps(box, other))) continue;
				if (lines.some((line, j) => (j !== i || side !== 0) && polylineHitsBox(line, box))) continue;
				taken.push(box);
				return { ...edge, label: { text, x, y, box } };
			}
		}
		return edge;
	});
	return { viewBox: viewBoxAround(finished, edges, options.bounds), nodes: finished, edges, ...(options.focus ? { focus: options.focus } : {}) };
}

function viewBoxAround(nodes: readonly MapNode[], edges: readonly MapEdge[] = [], bounds?: FinishOptions['bounds']): Box {
	if (nodes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
	const boxes = [...nodes.map((n) => circleBox(n)), ...nodes.flatMap((n) => (n.place ? [n.place.box] : [])), ...edges.flatMap((e) => (e.label ? [e.label.box] : [])), ...edges.flatMap((e) => edgePoints(e).map((p) => ({ x: p.x, y: p.y, width: 0, height: 0 })))];
	const minY = Math.min(...boxes.map((b) => b.y)) - PADDING;
	const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + PADDING;
	if (bounds) return { x: Math.floor(bounds.minX - PADDING), y: Math.floor(minY), width: Math.ceil(bounds.maxX - bounds.minX + 2 * PADDING), height: Math.ceil(maxY - minY) };
	const minX = Math.min(...boxes.map((b) => b.x)) - PADDING;
	const maxX = Math.max(...boxes.map((b) => b.x + b.width)) + PADDING;
	return { x: Math.floor(minX), y: Math.floor(minY), width: Math.ceil(maxX - minX), height: Math.ceil(maxY - minY) };
}

interface EdgeSpec {
	source: string;
	target: string;
	relations: PairRelation[];
	member?: string;
}

/**
 * The phone layout of a map: x squeezed so the circles span NARROW_WIDTH less room for labels, names wrapped
 * shorter, then boxes that now overlap pushed apart vertically only, so the map grows taller, never wider.
 */
function narrowMap(nodes: readonly MapNode[], specs: readonly EdgeSpec[], focus: string | undefined): RelationMap {
	const minX = Math.min(...nodes.map((n) => n.x));
	const maxX = Math.max(...nodes.map((n) => n.x));
	const margin = 48;
	// The viewBox adds PADDING on either side: the drawing itself gets the width inside it.
	const inner = NARROW_WIDTH - 2 * PADDING;
	const span = Math.max(1, maxX - minX);
	const scale = Math.min(1, (inner - 2 * margin) / span);
	const offset = PADDING + (inner - span * scale) / 2;
	const squeezed: MapNode[] = nodes.map((n) => {
		const label = wrapLabel(n.name, NARROW_WRAP);
		const x = offset + (n.x - minX) * scale;
		// Taller than wide: a phone scrolls down, never sideways, so vertical room is cheap.
		const y = n.y * 1.3;
		return { ...n, label, x, y, box: boxOf(x, y, n.r, label) };
	});
	separateBoxes(squeezed, 10, 60, true);
	for (const node of squeezed) {
		node.x = round1(Math.min(NARROW_WIDTH - PADDING - node.r, Math.max(PADDING + node.r, node.x)));
		node.y = round1(node.y);
		node.box = boxOf(node.x, node.y, node.r, node.label);
	}
	return finishMap(squeezed, specs, { focus, bounds: { minX: PADDING, maxX: NARROW_WIDTH - PADDING } });
}

/**
 * Lays out actors and their relations with d3-force, once for the whole site. Deterministic: nodes start at fixed
 * positions around their bloc's anchor, d3-force's random source is its fixed-seed generator, and the tick count is fixed.
 */
export function buildRelationMap(actors: ReadonlyMap<string, ActorEntry>, articles: readonly ArticleEntry[]): RelationGraph {
	const relations = aggregateRelations(articles, actors);
	const edgeSpecs = new Map<string, EdgeSpec>();
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
	const specs = [...edgeSpecs.values()];
	const full = finishMap(nodes, specs);

	const neighbours = new Map<string, Set<string>>();
	for (const edge of specs) {
		for (const [a, b] of [[edge.source, edge.target], [edge.target, edge.source]] as const) {
			let set = neighbours.get(a);
			if (!set) neighbours.set(a, (set = new Set()));
			set.add(b);
		}
	}
	const cache = new Map<string, RelationMap | undefined>();

	return {
		map: { ...full, narrow: narrowMap(nodes, specs, undefined) },
		neighbourhood(id) {
			if (cache.has(id)) return cache.get(id);
			let cut: RelationMap | undefined;
			const around = neighbours.get(id);
			if (around) {
				const keep = new Set([id, ...around]);
				const cutNodes = nodes.filter((n) => keep.has(n.id));
				const among = specs.filter((e) => keep.has(e.source) && keep.has(e.target));
				// Edges between the neighbours give context; in a dense graph they would bury the actor's own, so then only those stay.
				const shown = among.length <= NEIGHBOURHOOD_EDGES ? among : among.filter((e) => e.source === id || e.target === id);
				cut = { ...finishMap(cutNodes, shown, { focus: id }), narrow: narrowMap(cutNodes, shown, id) };
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
