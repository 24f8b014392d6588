import type { APIRoute } from 'astro';
import { timelineSite } from '../../site/timeline-site.ts';
import { eventsCsv } from '../../model/exports.ts';

export const GET: APIRoute = async () => {
	const { entries } = await timelineSite();
	return new Response(eventsCsv(entries), { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
};
