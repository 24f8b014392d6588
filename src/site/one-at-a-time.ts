/**
 * `task` run one at a time: a call while it runs queues one more run (however many calls come), which starts
 * when the current one ends, with the state as it is then. The promise a call returns settles once no run is
 * left, queued one included. What follows an edit in `npm run dev` (the content reload, the search index) runs so.
 */
export function oneAtATime(task: () => Promise<void>): () => Promise<void> {
	let running: Promise<void> | undefined;
	let queued = false;
	return () => {
		if (running) {
			queued = true;
			return running;
		}
		running = (async () => {
			do {
				queued = false;
				await task();
			} while (queued);
		})().finally(() => (running = undefined));
		return running;
	};
}
