import { defineCollection } from 'astro:content';
import { actorLoader, articleLoader } from './site/loaders.ts';
import { ActorSchema } from './schema/actor.ts';
import { ArticleSchema } from './schema/article.ts';

// Both loaders run the project's own checks (src/input/check.ts), which go further than the schemas:
// cross-references, event dates, parent cycles. The schemas here give pages their types.
export const collections = {
	actors: defineCollection({ loader: actorLoader(), schema: ActorSchema }),
	articles: defineCollection({ loader: articleLoader(), schema: ArticleSchema }),
};
