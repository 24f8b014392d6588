// The reference the full site's build time is compared with: Astro 7, one article template, nothing else.
import { defineConfig } from 'astro/config';

export default defineConfig({
	outDir: process.env.ASTRO_OUT_DIR ?? 'dist',
	...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
