import type { ActorEntry, ArticleSource } from '../../src/schema/content.ts';
import type { ActorData } from '../../src/schema/actor.ts';
import type { ArticleData } from '../../src/schema/article.ts';
import type { EventData } from '../../src/schema/event.ts';

/** A checked article built in memory, for model tests that need no files. */
export function article(slug: string, date: string, events: Partial<EventData>[], extra: Partial<ArticleData> = {}): ArticleSource {
	const data: ArticleData = {
		title: `Article ${slug}`,
		date: new Date(`${date}T00:00:00Z`),
		lang: 'en',
		summary: 'A test article.',
		cites: [],
		actors: ['us'],
		relations: [],
		...extra,
		events: events.map((e) => ({ title: 'Untitled', kind: 'other', actors: ['us'], date: '2025', ...e }) as EventData),
	};
	return { id: slug, file: `content/articles/${slug}.md`, data, body: '', bodyLine: 1 };
}

/** A checked actor built in memory. */
export function actor(id: string, bloc?: ActorData['bloc']): ActorEntry {
	const data = { name: { en: id, ru: id }, kind: 'state', aliases: { en: [], ru: [] }, forms: { en: [], ru: [] }, ...(bloc ? { bloc } : {}) } as ActorData;
	return { id, file: `content/actors/${id}.md`, data, body: '' };
}

/** The four principals plus a few members and an independent. */
export function actorMap(): Map<string, ActorEntry> {
	const list = [actor('us', 'us'), actor('mali-junta', 'mali-junta'), actor('russia', 'russia'), actor('belarus', 'belarus'), actor('cia', 'us'), actor('wagner-group', 'russia'), actor('al-qaeda')];
	return new Map(list.map((a) => [a.id, a]));
}
