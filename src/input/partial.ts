import type { z } from 'astro/zod';

/**
 * What of a value still parses when the whole does not: each field of an object and each element of a
 * list is parsed with its own schema, and what fails is left out (a list keeps its indexes, with holes
 * where an element failed), so the cross-file rules can still run on the rest in the same check.
 * Returns undefined when nothing usable is left.
 */
export function parsePartial(schema: z.ZodType, value: unknown): unknown {
	const whole = schema.safeParse(value);
	if (whole.success) return whole.data;
	const def = (schema as any).def;
	if (def?.type === 'optional' || def?.type === 'default' || def?.type === 'nullable') {
		return value === undefined ? undefined : parsePartial(def.innerType, value);
	}
	if (def?.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
		const partial: Record<string, unknown> = {};
		for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
			const parsed = parsePartial(field, (value as Record<string, unknown>)[key]);
			if (parsed !== undefined) partial[key] = parsed;
		}
		return partial;
	}
	if (def?.type === 'array' && Array.isArray(value)) {
		// A sparse list: forEach, some and every skip the holes, and the indexes still match the file.
		const partial: unknown[] = new Array(value.length);
		value.forEach((element, i) => {
			const parsed = parsePartial(def.element, element);
			if (parsed !== undefined) partial[i] = parsed;
		});
		return partial;
	}
	return undefined;
}

/** Whether a list parsed completely: no element was left out. */
export function isComplete(list: readonly unknown[] | undefined): list is unknown[] {
	if (!list) return false;
	for (let i = 0; i < list.length; i++) if (!(i in list)) return false;
	return true;
}

/** The elements that parsed, without the holes. */
export function present<T>(list: readonly T[] | undefined): T[] {
	return list ? list.filter(() => true) : [];
}
