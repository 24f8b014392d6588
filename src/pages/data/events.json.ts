import type { APIRoute } from 'astro';
import { timelineSite } from '../../site/timeline-site.ts';
import { eventsJson } from '../../model/exports.ts';

export const GET: APIRoute = async () => {
	const { entries } = await timelineSite();
	return new Response(eventsJson(entries), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
