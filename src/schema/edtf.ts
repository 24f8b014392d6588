import edtf from 'edtf';
import { z } from 'astro/zod';

/** How finely an EDTF date is known: its bounds and the marks it carries. */
export interface EdtfBounds {
	/** The EDTF string as the author wrote it. */
	edtf: string;
	/** Earliest possible instant (ms since epoch); null when the start is unknown or open. */
	earliest: number | null;
	/** Latest possible instant (ms since epoch); null when the end is unknown or open. */
	latest: number | null;
	/** 1 year, 2 month, 3 day — of the most precise endpoint. */
	precision: 1 | 2 | 3;
	interval: boolean;
	approximate: boolean;
	uncertain: boolean;
}

const cache = new Map<string, EdtfBounds | string>();

function finite(n: unknown): number | null {
	return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function marks(d: any): { approximate: boolean; uncertain: boolean } {
	// edtf's Bitmask has value 0 when no component is marked.
	return {
		approximate: Boolean(d?.approximate?.value),
		uncertain: Boolean(d?.uncertain?.value),
	};
}

/** Parses an EDTF string with the `edtf` package; returns bounds or an error message. Cached: dates repeat a lot. */
export function parseEdtf(value: string): EdtfBounds | string {
	const hit = cache.get(value);
	if (hit !== undefined) return hit;
	let result: EdtfBounds | string;
	try {
		const d: any = edtf(value);
		if (d.type === 'Interval') {
			const lower = d.lower && typeof d.lower === 'object' ? d.lower : null;
			const upper = d.upper && typeof d.upper === 'object' ? d.upper : null;
			const lm = marks(lower);
			const um = marks(upper);
			result = {
				edtf: value,
				earliest: lower ? finite(lower.min) : null,
				latest: upper ? finite(upper.max) : null,
				precision: Math.max(lower?.precision ?? 1, upper?.precision ?? 1) as 1 | 2 | 3,
				interval: true,
				approximate: lm.approximate || um.approximate,
				uncertain: lm.uncertain || um.uncertain,
			};
		} else if (d.type === 'Date' || d.type === 'Year') {
			result = {
				edtf: value,
				earliest: finite(d.min),
				latest: finite(d.max),
				precision: (d.precision ?? 1) as 1 | 2 | 3,
				interval: false,
				...marks(d),
			};
		} else {
			result = `EDTF ${d.type.toLowerCase()}s are not supported here; use a date (2025-07) or an interval (2025-07/2025-09)`;
		}
	} catch (error) {
		const first = String((error as Error).message).split('\n')[0];
		result = `"${value}" is not a valid EDTF date (${first})`;
	}
	cache.set(value, result);
	return result;
}

/** An EDTF date string (https://www.loc.gov/standards/datetime/): 2021, 2025-07, 2023~, 2025-09-08/2025-09-14, 2021/.. */
export const EdtfDate = z
	.union([z.string(), z.number().int(), z.date()])
	.transform((value, ctx) => {
		// YAML turns an unquoted 2021 into a number and 2025-09-15 into a Date: accept both, keep the string.
		const text =
			value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'number' ? String(value) : value.trim();
		const parsed = parseEdtf(text);
		if (typeof parsed === 'string') {
			ctx.addIssue({
				code: 'custom',
				message: `${parsed}. Expected an EDTF date such as "2021", "2025-07", "2023~" or "2025-09-08/2025-09-14"`,
			});
			return z.NEVER;
		}
		return text;
	});
