/**
 * JSON for a `<script>` element (JSON-LD, data islands): the one way JSON goes into this site's HTML.
 *
 * `JSON.stringify` leaves `<`, `>` and `&` as they are, so a string holding `</script>` or `<!--` would end
 * the script element early (or make the parser treat the rest of the page as script) and whatever follows
 * would run as markup. These characters, and U+2028/U+2029 (line terminators to older JavaScript
 * parsers), are written as JSON `\uXXXX` escapes instead: the value a JSON parser reads is unchanged.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

export function jsonForScript(value: unknown): string {
	const json = JSON.stringify(value);
	if (json === undefined) throw new TypeError('jsonForScript: the value has no JSON form');
	return json.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
