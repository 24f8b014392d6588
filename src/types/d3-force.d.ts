/** The part of d3-force (v3) the relation map uses; the package ships no types. */
declare module 'd3-force' {
	export interface SimulationNodeDatum {
		index?: number;
		x?: number;
		y?: number;
		vx?: number;
		vy?: number;
		fx?: number | null;
		fy?: number | null;
	}
	export interface SimulationLinkDatum<N extends SimulationNodeDatum> {
		source: N | string | number;
		target: N | string | number;
		index?: number;
	}
	export interface Force<N extends SimulationNodeDatum> {
		(alpha: number): void;
		initialize?(nodes: N[], random: () => number): void;
	}
	export interface Simulation<N extends SimulationNodeDatum> {
		nodes(): N[];
		nodes(nodes: N[]): this;
		force(name: string): Force<N> | undefined;
		force(name: string, force: Force<N> | null): this;
		tick(iterations?: number): this;
		stop(): this;
		alpha(alpha: number): this;
		alphaDecay(decay: number): this;
		alphaMin(min: number): this;
		velocityDecay(decay: number): this;
		randomSource(source: () => number): this;
	}
	type Accessor<T, R> = R | ((datum: T, index: number, data: T[]) => R);
	export interface ForceLink<N extends SimulationNodeDatum, L extends SimulationLinkDatum<N>> extends Force<N> {
		id(id: (node: N, index: number, nodes: N[]) => string | number): this;
		distance(distance: Accessor<L, number>): this;
		strength(strength: Accessor<L, number>): this;
		iterations(iterations: number): this;
	}
	export interface ForceManyBody<N extends SimulationNodeDatum> extends Force<N> {
		strength(strength: Accessor<N, number>): this;
		distanceMax(distance: number): this;
		distanceMin(distance: number): this;
	}
	export interface ForceCollide<N extends SimulationNodeDatum> extends Force<N> {
		radius(radius: Accessor<N, number>): this;
		strength(strength: number): this;
		iterations(iterations: number): this;
	}
	export interface ForcePosition<N extends SimulationNodeDatum> extends Force<N> {
		strength(strength: Accessor<N, number>): this;
		x(x: Accessor<N, number>): this;
		y(y: Accessor<N, number>): this;
	}
	export function forceSimulation<N extends SimulationNodeDatum>(nodes?: N[]): Simulation<N>;
	export function forceLink<N extends SimulationNodeDatum, L extends SimulationLinkDatum<N>>(links?: L[]): ForceLink<N, L>;
	export function forceManyBody<N extends SimulationNodeDatum>(): ForceManyBody<N>;
	export function forceCollide<N extends SimulationNodeDatum>(radius?: Accessor<N, number>): ForceCollide<N>;
	export function forceX<N extends SimulationNodeDatum>(x?: Accessor<N, number>): ForcePosition<N>;
	export function forceY<N extends SimulationNodeDatum>(y?: Accessor<N, number>): ForcePosition<N>;
}
