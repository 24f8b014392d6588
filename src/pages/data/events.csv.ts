import type { APIRoute } from 'astro';
import { siteModel } from '../../site/site-model.ts';
import { eventsCsv } from '../../model/exports.ts';

export const GET: APIRoute = async ({ site }) => {
	if (!site) throw new Error('events.csv needs absolute URLs: set `site` in astro.config.mjs');
	const { timeline: { entries }, actors } = await siteModel();
	const actorNames = new Map([...actors].map(([id, actor]) => [id, actor.data.name.en]));
	return new Response(eventsCsv(entries, { siteUrl: site.href, actorNames }), { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
};
