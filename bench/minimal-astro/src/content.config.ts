import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { resolve } from 'node:path';

const base = resolve(process.env.CONTENT_DIR ?? '../../content', 'articles');
export const collections = { articles: defineCollection({ loader: glob({ base, pattern: '**/*.md' }) }) };
