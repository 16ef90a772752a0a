#!/usr/bin/env node
// Builds the `innspill` command into ES modules under out/cli (entry
// innspill.mjs), so the command starts without compiling TypeScript (tsx takes
// seconds at every start). bin/innspill.cjs runs it when it is there and not older than the
// source, else the source through tsx. Run by `npm run build` and by `prepare`
// (after `npm install`); without esbuild (a production install) it says so and
// exits 0, and the bin falls back to the source.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --outdir DIR builds elsewhere (the bundle test builds its own copy); it must
// lie inside the repository, where node_modules and resources/ are found.
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg > 0 ? path.resolve(process.argv[outdirArg + 1]) : path.join(root, 'out', 'cli');
const outfile = path.join(outdir, 'innspill.mjs');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.log('build-cli: esbuild is not installed; `innspill` will run from the TypeScript source (slower start).');
  process.exit(0);
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await esbuild.build({
  entryPoints: { innspill: path.join(root, 'src-main', 'cli', 'entry.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  // ES modules split at the CLI's dynamic imports: `--help` and `--version`
  // load a small entry chunk; the core (8 MB of code) loads only for a command.
  bundle: true,
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  target: 'node20',
  // The bundled CommonJS dependencies call require(), and the CLI finds its
  // resources from __dirname: each chunk gets both, as in CommonJS.
  banner: {
    js: [
      "import { createRequire as __innspillCreateRequire } from 'node:module';",
      "import { fileURLToPath as __innspillFileURLToPath } from 'node:url';",
      'const require = __innspillCreateRequire(import.meta.url);',
      'const __filename = __innspillFileURLToPath(import.meta.url);',
      "const __dirname = __innspillFileURLToPath(new URL('.', import.meta.url));",
    ].join('\n'),
  },
  // The same modules the Electron main build keeps external, for the same
  // reasons (electron.vite.config.ts): native addons (better-sqlite3,
  // @resvg/resvg-js, @napi-rs/canvas), unpdf (finds pdf.js's files through
  // import.meta) and tesseract.js (starts its worker from its own files).
  // They load from node_modules at run time.
  external: ['better-sqlite3', 'unpdf', '@resvg/resvg-js', 'tesseract.js', '@napi-rs/canvas', 'electron'],
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
});
// The bin compares this stamp's time with the source files' to spot a stale bundle.
writeFileSync(path.join(outdir, 'built.json'), JSON.stringify({ builtAt: new Date().toISOString() }) + '\n');
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`build-cli: ${path.relative(root, outfile)} (${(bytes / 1048576).toFixed(1)} MB)`);
if (!existsSync(outfile)) process.exit(1);
