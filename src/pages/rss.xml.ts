import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { siteModel } from '../site/site-model.ts';
import { SITE } from '../site/config.ts';
import { articlePath } from '../schema/routes.ts';

/** Latest 50 articles; the summary is English, the title in the article's language. */
export async function GET(context: APIContext) {
	const { actors, articles } = await siteModel();
	return rss({
		title: SITE.name,
		description: SITE.description,
		site: context.site!,
		items: articles.slice(0, 50).map((a) => ({
			title: a.data.title,
			pubDate: a.data.date,
			description: a.data.summary,
			link: articlePath(a.id),
			// Readers' feed apps show categories: the actors' English names, not their file ids.
			categories: a.data.actors.map((id) => actors.get(id)?.data.name.en ?? id),
		})),
		customData: '<language>en</language>',
	});
}
