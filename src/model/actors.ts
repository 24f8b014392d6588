import type { ActorEntry, ArticleEntry } from '../content/check.ts';
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

/** An actor named together with another in article frontmatter, and in how many articles. */
export interface CoMention {
	actor: ActorEntry;
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
	/** Actors listed most often in the same articles' frontmatter; ties by name. */
	coMentioned(id: string, limit?: number): CoMention[];
}

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
			for (const id of event.actors) {
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

	return {
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
				result = [...(pairCounts.get(id) ?? [])]
					.filter(([other]) => actors.has(other))
					.map(([other, count]) => ({ actor: actors.get(other)!, count }))
					.sort((a, b) => b.count - a.count || byName(a.actor, b.actor));
				coMentionCache.set(id, result);
			}
			return result.slice(0, limit);
		},
	};
}
