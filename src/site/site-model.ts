// The site model of this build: the content the loaders checked, as Astro's content store holds it, turned
// into the model once and shared by every page, export and feed (src/model/site-model.ts).
import { resolve } from 'node:path';
import { isProblem, readSource } from '../input/read.ts';
import { buildSiteModel, type SiteModel } from '../model/site-model.ts';
import type { ArticleEntry } from '../schema/content.ts';
import { renderedExcerpts } from '../markdown/mention-excerpts.ts';
import { siteContent } from './content.ts';
import { perContentVersion } from './content-reloads.ts';

/**
 * The Markdown text of an article, for the quotes of one not rendered in this process (its stored rendering was
 * reused): the content store keeps rendered HTML only, so it is read again from its file (already checked).
 */
function bodyOf(article: ArticleEntry): string {
	const source = readSource(resolve(article.file), article.file);
	return isProblem(source) ? '' : source.body;
}

/** The model of the content in the store: built once per build (and again after each reload in the dev server). */
export const siteModel: () => Promise<SiteModel> = perContentVersion(() =>
	siteContent().then((content) => buildSiteModel(content, { excerptsOf: (article) => renderedExcerpts(resolve(article.file)), bodyOf })),
);

/** Articles per page of an actor's article list (page 1 is the actor page). */
export const ARTICLES_PER_PAGE = 50;
