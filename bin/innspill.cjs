#!/usr/bin/env node
// The `innspill` command. It runs the built bundle (out/cli/innspill.mjs, made
// by `npm run build` and by `npm install`'s prepare step) when it is there and
// no source file is newer than it: the bundle starts in a fraction of a second,
// while compiling the TypeScript through tsx takes seconds. Otherwise (a fresh
// clone without the build, an install without dev tools, a source file edited
// since the build, or INNSPILL_FROM_SOURCE=1) it runs the source through tsx,
// so the command always does what the source says.
const { readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'out', 'cli', 'innspill.mjs');

/** The newest modification time under `dir` (the CLI's source folders), in ms. */
function newestIn(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = newestIn(full, newest);
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsCurrent() {
  if (process.env.INNSPILL_FROM_SOURCE === '1') return false;
  let built;
  try {
    built = statSync(path.join(root, 'out', 'cli', 'built.json')).mtimeMs;
    statSync(bundle);
  } catch {
    return false;
  }
  try {
    const sources = ['src-main', 'src-shared', 'package.json'].map((p) => path.join(root, p));
    return sources.every((p) => (statSync(p).isDirectory() ? newestIn(p) : statSync(p).mtimeMs) <= built);
  } catch {
    return false;
  }
}

if (bundleIsCurrent()) {
  import(require('node:url').pathToFileURL(bundle).href);
} else {
  // tsx's ES module loader too: the CLI loads its commands and the core with import().
  import('tsx/esm/api').then((tsx) => {
    tsx.register();
    require('tsx/cjs/api').register();
    require('../src-main/cli/entry.ts');
  });
}
