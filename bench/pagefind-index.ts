// Indexes a built folder with Pagefind's Node API, as the full site's integration does:
//   node bench/pagefind-index.ts <dir> [forceLanguage]
// (bench:search passes `und`, the site's own setting, so bare Pagefind searches the same kind of index.)
import * as pagefind from 'pagefind';

const dir = process.argv[2];
const forceLanguage = process.argv[3];
const { index, errors } = await pagefind.createIndex(forceLanguage ? { forceLanguage } : {});
if (!index) throw new Error(errors.join('\n'));
try {
	const added = await index.addDirectory({ path: dir });
	if (added.errors.length) throw new Error(added.errors.join('\n'));
	const written = await index.writeFiles({ outputPath: `${dir}/pagefind` });
	if (written.errors.length) throw new Error(written.errors.join('\n'));
	console.log(`pagefind: indexed ${added.page_count} pages`);
} finally {
	await index.deleteIndex();
	await pagefind.close();
}
