import type { ActorEntry } from '../schema/content.ts';
import type { ActorIndex } from './actors.ts';
import { actorPath } from '../schema/routes.ts';

/** One actor as published in /data/actors.json: fixed field order, absent values as null. */
function actorRecord(actor: ActorEntry, index: ActorIndex) {
	const { data } = actor;
	return {
		id: actor.id,
		url: actorPath(actor.id),
		name: { en: data.name.en, ru: data.name.ru },
		kind: data.kind,
		bloc: data.bloc ?? null,
		parent: data.parent ?? null,
		members: index.members(actor.id).map((m) => m.id),
		aliases: { en: data.aliases.en, ru: data.aliases.ru },
		wikidata: data.wikidata ?? null,
		description: actor.body.trim(),
		articles: index.articleCount(actor.id),
		events: index.eventCount(actor.id),
		// Each relation once, under the actor it goes from; the counterpart's record does not repeat it.
		relations: index.relationsOf(actor.id).flatMap(({ counterpart, relations }) =>
			relations
				.filter((r) => r.direction === 'outgoing')
				.map((r) => ({ to: counterpart.id, kind: r.kind, since: r.since ?? null, until: r.until ?? null, inferred: r.inferred ?? false, note: r.note ?? null, articles: r.articles })),
		),
	};
}

/** /data/actors.json: every actor by id, with names, bloc, parent, counts and outgoing relations citing article slugs. */
export function actorsJson(actors: ReadonlyMap<string, ActorEntry>, index: ActorIndex): string {
	const records = [...actors.values()].sort((a, b) => a.id.localeCompare(b.id)).map((actor) => actorRecord(actor, index));
	return `${JSON.stringify(records, null, 2)}\n`;
}
