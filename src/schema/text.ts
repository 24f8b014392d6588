import { z } from 'astro/zod';

/**
 * Characters no frontmatter text may hold: C0 controls except tab and line feed (NUL, ESC, a lone CR…),
 * DEL and the C1 controls, Unicode noncharacters (U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF), and lone
 * surrogates (half of a UTF-16 pair, which YAML's "\uD800" escape can produce). XML 1.0 forbids most of
 * them, so one of them in a title makes rss.xml unreadable; the rest are invisible in HTML, CSV and ICS.
 * They arrive through YAML escapes such as "\x01", "\0" or "\uFFFE", or by copy and paste.
 */
const FORBIDDEN =
	/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Any code unit FORBIDDEN could start at: one scan that clears almost every string (surrogates need a closer look). */
const SUSPECT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** The first forbidden character in `value` and where it is, or undefined when there is none. */
export function forbiddenCharacter(value: string): { char: string; index: number } | undefined {
	if (!SUSPECT.test(value)) return undefined;
	// No u flag: lone surrogates are single code units the pattern can see.
	const match = FORBIDDEN.exec(value);
	return match ? { char: match[0], index: match.index } : undefined;
}

/** "U+0001", "U+FFFE", "U+D800". */
export function codePointName(char: string): string {
	const code = char.length === 2 ? char.codePointAt(0)! : char.charCodeAt(0);
	return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Where a character sits, for the fix line: "after "Title"", "at the start". */
function position(value: string, index: number): string {
	if (index === 0) return 'at the start';
	const before = value.slice(Math.max(0, index - 20), index).replace(FORBIDDEN_GLOBAL, '');
	return `after ${JSON.stringify(before)} (character ${index + 1})`;
}
const FORBIDDEN_GLOBAL = new RegExp(FORBIDDEN.source, 'g');

/** Issue for a string holding a forbidden character: the message is the rule, `params.fix` says what to do. */
export function controlCharacterIssue(value: string) {
	const found = forbiddenCharacter(value);
	if (!found) return undefined;
	const name = codePointName(found.char);
	return {
		code: 'custom' as const,
		message: `text without control characters, noncharacters or lone surrogates (found ${name}: invisible, and the RSS feed's XML cannot hold most of these)`,
		params: { fix: `remove the ${name} character ${position(value, found.index)}; in a quoted YAML string look for an escape such as "\\x01", "\\0" or "\\uFFFE"` },
	};
}

function refuseControlCharacters(value: string, ctx: z.RefinementCtx<string>) {
	const issue = controlCharacterIssue(value);
	if (issue) ctx.addIssue({ ...issue, input: value });
}

/** Frontmatter text: any string without control characters (see FORBIDDEN). */
export const Text = z.string().superRefine(refuseControlCharacters);

/** Frontmatter text that may not be empty. */
export const NonEmptyText = z.string().min(1).superRefine(refuseControlCharacters);
