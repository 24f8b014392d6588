// Where a build's time goes, from a V8 CPU profile (`node --cpu-prof`): self time by package (or by the
// project's own file), and inclusive time of the project's files and of the busiest functions.
//
//   NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof --cpu-prof-interval=4000" npm run build
//   node scripts/cpu-profile.ts /tmp/prof/<the Astro process's>.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

/** What a script URL belongs to: a package, a file of the project, Node itself, or V8's pseudo-frames. */
export function ownerOf(url: string, functionName: string): string {
	if (!url) return functionName.startsWith('(') ? functionName : '(native)';
	if (url.startsWith('node:')) return 'node (built-in modules)';
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (pkg) return pkg[1]!;
	const own = /\/((?:src|scripts)\/.*?)(?:\?.*)?$/.exec(url);
	if (own) return own[1]!;
	const chunk = /\/(?:dist[^/]*|\.astro|chunks)\/(.*)$/.exec(url);
	if (chunk) return `bundled: ${chunk[1]}`;
	return url;
}

export function summarise(profile: Profile, top = 25) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const self = new Map<string, number>();
	const inclusiveOwner = new Map<string, number>();
	const inclusiveFn = new Map<string, number>();
	let total = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const dt = profile.timeDeltas[i] ?? 0;
		total += dt;
		let node = byId.get(profile.samples[i]!)!;
		const { url, functionName } = node.callFrame;
		const owner = ownerOf(url, functionName);
		self.set(owner, (self.get(owner) ?? 0) + dt);
		// Inclusive: each owner and function on the stack once per sample.
		const owners = new Set<string>();
		const fns = new Set<string>();
		for (;;) {
			const f = node.callFrame;
			owners.add(ownerOf(f.url, f.functionName));
			if (f.url) fns.add(`${f.functionName || '(anonymous)'} ${ownerOf(f.url, f.functionName)}:${f.lineNumber + 1}`);
			const up = parent.get(node.id);
			if (up === undefined) break;
			node = byId.get(up)!;
		}
		for (const o of owners) inclusiveOwner.set(o, (inclusiveOwner.get(o) ?? 0) + dt);
		for (const f of fns) inclusiveFn.set(f, (inclusiveFn.get(f) ?? 0) + dt);
	}
	const rank = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
	return { total, self: rank(self), inclusiveOwner: rank(inclusiveOwner), inclusiveFn: rank(inclusiveFn) };
}

if (import.meta.main) {
	const { positionals, values } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
	if (positionals.length !== 1) {
		console.error('usage: node scripts/cpu-profile.ts <file.cpuprofile> [--top N]');
		process.exit(2);
	}
	const { total, self, inclusiveOwner, inclusiveFn } = summarise(JSON.parse(readFileSync(positionals[0]!, 'utf8')), Number(values.top));
	const s = (us: number) => `${(us / 1e6).toFixed(1).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)}%`;
	console.log(`profiled ${(total / 1e6).toFixed(1)} s\n\nself time, by package or file:`);
	for (const [k, v] of self) console.log(`${s(v)}  ${k}`);
	console.log('\ninclusive time, by package or file (on the stack):');
	for (const [k, v] of inclusiveOwner) console.log(`${s(v)}  ${k}`);
	console.log('\ninclusive time, by function:');
	for (const [k, v] of inclusiveFn) console.log(`${s(v)}  ${k}`);
}
