import type { ActorEntry, ArticleEntry } from '../schema/content.ts';
import { parseEdtf } from '../schema/edtf.ts';
import { BLOCS, BLOC_LABELS, type Bloc } from '../schema/ids.ts';
import type { RelationData } from '../schema/relation.ts';

/** An actor with the actors that are part of it, for the index tree. */
export interface ActorTreeNode {
	actor: ActorEntry;
	members: ActorTreeNode[];
}

/** One principal bloc: its principal at the root, every actor of the bloc below it. */
export interface BlocGroup {
	bloc: Bloc;
	label: { en: string; ru: string };
	/** Normally one node, the principal; several only if the principal's file is missing. */
	roots: ActorTreeNode[];
}

/** One relation as seen from one actor: outgoing when the actor is its `from`. */
export interface ActorRelation {
	kind: RelationData['kind'];
	direction: 'outgoing' | 'incoming';
	/** EDTF, as the articles give it. */
	since?: string;
	until?: string;
	/** The dates are the site's inference, not the article's statement; `note` says from what. */
	inferred?: boolean;
	note?: string;
	/** Slugs of the articles stating it, newest first. */
	articles: string[];
}

/** Every relation between one actor and one counterpart. */
export interface CounterpartRelations {
	counterpart: ActorEntry;
	relations: ActorRelation[];
}

/** An actor named together with another, and what ties the two: shared events, relations between them, shared articles. */
export interface CoMention {
	actor: ActorEntry;
	/** Distinct events both take part in (an event id shared by articles counts once). */
	events: number;
	/** Distinct relations between the two, either direction (the same relation stated by several articles counts once). */
	relations: number;
	/** Articles whose frontmatter lists both. */
	count: number;
}

/** What the actor pages and the actor index ask about actors; built once for the whole site. */
export interface ActorIndex {
	/** Blocs in the order us, mali-junta, russia, belarus. */
	blocs: BlocGroup[];
	/** Actors of no bloc, as trees of their own. */
	independents: ActorTreeNode[];
	actor(id: string): ActorEntry | undefined;
	/** The actor and its parents, root first, for breadcrumbs. */
	parentChain(id: string): ActorEntry[];
	/** Actors whose parent is this one, by name. */
	members(id: string): ActorEntry[];
	/** Relations grouped by counterpart, most cited counterpart first. */
	relationsOf(id: string): CounterpartRelations[];
	/** Articles naming the actor (frontmatter actors, events or relations), newest first. */
	articlesOf(id: string): ArticleEntry[];
	articleCount(id: string): number;
	/** Distinct events the actor takes part in; an event id shared by articles counts once. */
	eventCount(id: string): number;
	/**
	 * Actors tied to this one, strongest tie first: more shared events, then more relations between them, then more
	 * shared articles. The list stops after `limit` actors only where the next one is tied less strongly: every actor
	 * tied exactly as strongly as the last one shown is included, so no actor is dropped for its name.
	 */
	coMentioned(id: string, limit?: number): CoMention[];
}

/** Stronger tie first: shared events, then relations, then shared articles; 0 when equally strong. */
export const compareTies = (a: Omit<CoMention, 'actor'>, b: Omit<CoMention, 'actor'>) => b.events - a.events || b.relations - a.relations || b.count - a.count;
const byName = (a: ActorEntry, b: ActorEntry) => a.data.name.en.localeCompare(b.data.name.en, 'en');
const newestFirst = (a: ArticleEntry, b: ArticleEntry) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);

function earliest(edtf: string | undefined): number {
	if (!edtf) return -Infinity;
	const bounds = parseEdtf(edtf);
	return typeof bounds === 'string' ? -Infinity : (bounds.earliest ?? -Infinity);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** Trees of one group: each actor under its parent when the parent is in the group, else at the top. */
function buildTrees(group: ActorEntry[], membersOf: Map<string, ActorEntry[]>, top: ActorEntry[]): ActorTreeNode[] {
	const inGroup = new Set(group.map((actor) => actor.id));
	const placed = new Set<string>();
	const grow = (actor: ActorEntry): ActorTreeNode => {
		placed.add(actor.id);
		const members = (membersOf.get(actor.id) ?? []).filter((m) => inGroup.has(m.id) && !placed.has(m.id));
		return { actor, members: members.map(grow) };
	};
	const roots = top.map(grow);
	// Then actors whose parent lies outside the group, then whatever is left (a parent cycle the content check reports).
	for (const actor of group) if (!placed.has(actor.id) && !inGroup.has(actor.data.parent ?? '')) roots.push(grow(actor));
	for (const actor of group) if (!placed.has(actor.id)) roots.push(grow(actor));
	return roots;
}

/** Indexes actors and articles in one pass: trees by bloc, parent chains, relations, articles, counts and co-mentions. */
export function buildActorIndex(actors: ReadonlyMap<string, ActorEntry>, articles: readonly ArticleEntry[]): ActorIndex {
	const membersOf = new Map<string, ActorEntry[]>();
	for (const actor of actors.values()) if (actor.data.parent) push(membersOf, actor.data.parent, actor);
	for (const list of membersOf.values()) list.sort(byName);

	const sortedArticles = [...articles].sort(newestFirst);
	const articlesByActor = new Map<string, ArticleEntry[]>();
	const eventKeysByActor = new Map<string, Set<string>>();
	const actorsByEvent = new Map<string, Set<string>>();
	const pairCounts = new Map<string, Map<string, number>>();
	// actor id → counterpart id → relation key → relation; merging the same relation stated by several articles.
	const relationsByActor = new Map<string, Map<string, Map<string, ActorRelation>>>();

	const addRelation = (self: string, other: string, relation: RelationData, direction: ActorRelation['direction'], slug: string) => {
		let counterparts = relationsByActor.get(self);
		if (!counterparts) relationsByActor.set(self, (counterparts = new Map()));
		let relations = counterparts.get(other);
		if (!relations) counterparts.set(other, (relations = new Map()));
		const key = [direction, relation.kind, relation.since ?? '', relation.until ?? '', relation.inferred ? 'inferred' : ''].join('|');
		const seen = relations.get(key);
		if (seen) {
			if (seen.articles.at(-1) !== slug) seen.articles.push(slug);
			seen.note ??= relation.note;
		} else {
			relations.set(key, {
				kind: relation.kind,
				direction,
				since: relation.since,
				until: relation.until,
				...(relation.inferred ? { inferred: true } : {}),
				...(relation.note ? { note: relation.note } : {}),
				articles: [slug],
			});
		}
	};

	for (const article of sortedArticles) {
		const { data, id: slug } = article;
		const named = new Set(data.actors);
		data.events.forEach((event, i) => {
			const eventKey = event.id ?? `${slug}#${i}`;
			let taking = actorsByEvent.get(eventKey);
			if (!taking) actorsByEvent.set(eventKey, (taking = new Set()));
			for (const id of event.actors) {
				taking.add(id);
				named.add(id);
				let keys = eventKeysByActor.get(id);
				if (!keys) eventKeysByActor.set(id, (keys = new Set()));
				keys.add(eventKey);
			}
		});
		for (const relation of data.relations) {
			named.add(relation.from);
			named.add(relation.to);
			addRelation(relation.from, relation.to, relation, 'outgoing', slug);
			if (relation.to !== relation.from) addRelation(relation.to, relation.from, relation, 'incoming', slug);
		}
		for (const id of named) push(articlesByActor, id, article);
		// Co-mentions count frontmatter actors only: the list the author curated for the article.
		for (const a of data.actors) {
			let counts = pairCounts.get(a);
			if (!counts) pairCounts.set(a, (counts = new Map()));
			for (const b of data.actors) if (a !== b) counts.set(b, (counts.get(b) ?? 0) + 1);
		}
	}

	const blocs: BlocGroup[] = BLOCS.map((bloc) => {
		const group = [...actors.values()].filter((actor) => actor.data.bloc === bloc).sort(byName);
		const principal = actors.get(bloc);
		const roots = buildTrees(group, membersOf, principal ? [principal] : []);
		// Bloc actors whose parent lies outside the bloc hang under the principal rather than beside it.
		if (principal) roots[0]!.members.push(...roots.splice(1));
		return { bloc, label: BLOC_LABELS[bloc], roots };
	});
	const independentGroup = [...actors.values()].filter((actor) => !actor.data.bloc).sort(byName);
	const independents = buildTrees(independentGroup, membersOf, []);

	const relationCache = new Map<string, CounterpartRelations[]>();
	const coMentionCache = new Map<string, CoMention[]>();

	const index: ActorIndex = {
		blocs,
		independents,
		actor: (id) => actors.get(id),
		parentChain(id) {
			const chain: ActorEntry[] = [];
			const seen = new Set<string>();
			for (let current = actors.get(id); current && !seen.has(current.id); current = current.data.parent ? actors.get(current.data.parent) : undefined) {
				seen.add(current.id);
				chain.unshift(current);
			}
			return chain;
		},
		members: (id) => membersOf.get(id) ?? [],
		relationsOf(id) {
			let result = relationCache.get(id);
			if (result) return result;
			const citations = (group: CounterpartRelations) => new Set(group.relations.flatMap((r) => r.articles)).size;
			result = [...(relationsByActor.get(id) ?? [])]
				.filter(([other]) => actors.has(other))
				.map(([other, relations]) => ({
					counterpart: actors.get(other)!,
					relations: [...relations.values()].sort((a, b) => earliest(a.since) - earliest(b.since) || a.kind.localeCompare(b.kind)),
				}))
				.sort((a, b) => citations(b) - citations(a) || byName(a.counterpart, b.counterpart));
			relationCache.set(id, result);
			return result;
		},
		articlesOf: (id) => articlesByActor.get(id) ?? [],
		articleCount: (id) => articlesByActor.get(id)?.length ?? 0,
		eventCount: (id) => eventKeysByActor.get(id)?.size ?? 0,
		coMentioned(id, limit = 10) {
			let result = coMentionCache.get(id);
			if (!result) {
				const ties = new Map<string, CoMention>();
				const tie = (other: string): CoMention | undefined => {
					if (other === id || !actors.has(other)) return undefined;
					let found = ties.get(other);
					if (!found) ties.set(other, (found = { actor: actors.get(other)!, events: 0, relations: 0, count: 0 }));
					return found;
				};
				for (const key of eventKeysByActor.get(id) ?? []) {
					for (const other of actorsByEvent.get(key) ?? []) {
						const found = tie(other);
						if (found) found.events++;
					}
				}
				for (const group of index.relationsOf(id)) {
					const found = tie(group.counterpart.id);
					if (found) found.relations = group.relations.length;
				}
				for (const [other, count] of pairCounts.get(id) ?? []) {
					const found = tie(other);
					if (found) found.count = count;
				}
				result = [...ties.values()].sort((a, b) => compareTies(a, b) || byName(a.actor, b.actor));
				coMentionCache.set(id, result);
			}
			if (limit <= 0) return [];
			// Past the limit, keep every actor tied exactly as strongly as the last one kept: the cut never falls on a name.
			let end = Math.min(limit, result.length);
			while (end < result.length && compareTies(result[end - 1]!, result[end]!) === 0) end++;
			return result.slice(0, end);
		},
	};
	return index;
}
