import type { APIRoute } from 'astro';
import { siteModel } from '../../site/site-model.ts';
import { eventsIcs } from '../../model/exports.ts';

export const GET: APIRoute = async ({ site }) => {
	if (!site) throw new Error('events.ics needs absolute URLs: set `site` in astro.config.mjs');
	const { entries } = (await siteModel()).timeline;
	return new Response(eventsIcs(entries, site.href), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
