// Preloaded into `astro build` by scripts/build.ts (node --import): when the build script dies without
// passing a signal on (SIGKILL, a crash), the build exits too instead of writing on as an orphan.
const buildScript = process.ppid;
setInterval(() => {
	if (process.ppid !== buildScript) {
		console.error(`\n✖ scripts/build.ts (pid ${buildScript}) stopped; stopping this astro build too.`);
		process.exit(1);
	}
}, 250).unref();

export {};
