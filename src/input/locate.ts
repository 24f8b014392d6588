import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';

/**
 * Finds the 1-based file line of a frontmatter path such as ['events', 2, 'date'].
 * Only called when there is an error to report, so the slower position-aware parser is fine here.
 */
export function lineOfPath(frontmatter: string, path: readonly PropertyKey[]): number | undefined {
	const counter = new LineCounter();
	const doc = parseDocument(frontmatter, { lineCounter: counter });
	let node: unknown = doc.contents;
	let found: Node | undefined = node as Node;
	for (const key of path) {
		if (isMap(node)) {
			const pair = node.items.find((item: any) => item.key?.value === key);
			if (!pair) break;
			found = (pair.value ?? pair.key) as Node;
			node = pair.value;
		} else if (isSeq(node) && typeof key === 'number') {
			node = node.items[key];
			if (!node) break;
			found = node as Node;
		} else break;
	}
	const offset = found?.range?.[0];
	// +1 for the opening "---" line.
	return offset === undefined ? undefined : counter.linePos(offset).line + 1;
}
