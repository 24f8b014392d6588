// The timeline's filter bar, in the browser: on a page holding every entry of the unfiltered timeline it filters
// in place and keeps the choice in the URL (?bloc=… / ?actor=…). Progressive: without it every filter link opens
// its static page. What it redraws (strip, year counts, jump list) comes from the same functions the static
// filter pages are built with (src/model/timeline-strip.ts).
import { formatNumber } from '../language/wording.ts';
import { decodeStripItem, stripFigureHtml, yearCountLabel, type StripItem } from '../model/timeline-strip.ts';

export function enhanceTimelineFilter(bar: HTMLElement): void {
	const entries = [...document.querySelectorAll<HTMLElement>('li.tl-entry')];
	const sections = [...document.querySelectorAll<HTMLElement>('[data-tl-year]')];
	const jumps = [...document.querySelectorAll<HTMLAnchorElement>('[data-tl-jump]')];
	const links = [...bar.querySelectorAll<HTMLAnchorElement>('a[data-filter]')];
	const status = bar.querySelector<HTMLElement>('[data-tl-status]')!;
	const has = (list: string | undefined, id: string) => (list ?? '').split(' ').includes(id);
	const strip = document.querySelector<HTMLElement>('[data-tl-strip]');
	const [from, through] = (strip?.dataset.span ?? '').split(' ').map(Number);
	const span = strip?.dataset.span ? { from, through } : undefined;

	const apply = () => {
		const query = new URLSearchParams(location.search);
		const bloc = query.get('bloc');
		const actor = query.get('actor');
		const key = bloc ? `bloc=${bloc}` : actor ? `actor=${actor}` : '';
		let shown = 0;
		for (const li of entries) {
			const match = (!bloc || has(li.dataset.blocs, bloc)) && (!actor || has(li.dataset.actors, actor));
			li.hidden = !match;
			if (match) shown++;
		}
		const years: { year: number | null; count: number; href: string }[] = [];
		for (const section of sections) {
			const visible = [...section.querySelectorAll<HTMLElement>('li.tl-entry:not([hidden])')];
			section.hidden = visible.length === 0;
			const count = section.querySelector('.tl-count');
			if (count) count.textContent = yearCountLabel(visible.length, visible.filter((li) => li.dataset.spans !== undefined).length);
			const year = section.dataset.tlYear;
			if (visible.length) years.push({ year: year ? Number(year) : null, count: visible.length, href: `${location.pathname}#${section.id}` });
		}
		for (const jump of jumps) {
			const target = document.getElementById(jump.hash.slice(1));
			jump.parentElement!.hidden = !!target?.hidden;
			const n = jump.querySelector('.tl-n');
			if (n && target) n.textContent = formatNumber(target.querySelectorAll('li.tl-entry:not([hidden])').length);
		}
		let active: HTMLAnchorElement | undefined;
		for (const link of links) {
			const on = link.dataset.filter === key;
			if (on) active = link;
			if (on) link.setAttribute('aria-current', 'true');
			else link.removeAttribute('aria-current');
		}
		const name = active?.firstChild?.textContent?.trim();
		status.textContent = key ? `Showing ${shown} of ${entries.length} events involving ${name ?? key}.` : '';
		if (strip) {
			const items = entries.filter((li) => !li.hidden).map((li) => decodeStripItem(li.dataset.strip ?? '')).filter((i): i is StripItem => i !== null);
			const html = stripFigureHtml({ items, span, what: key ? `events involving ${name ?? key}` : 'events', years });
			strip.innerHTML = html;
			strip.hidden = !html;
		}
	};

	bar.addEventListener('click', (event) => {
		const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-filter]');
		if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
		event.preventDefault();
		const url = new URL(location.href);
		url.search = link.dataset.filter ? `?${link.dataset.filter}` : '';
		url.hash = '';
		history.pushState(null, '', url);
		apply();
	});
	addEventListener('popstate', apply);
	apply();
}
