#!/usr/bin/env node
// The `innspill` command: runs the TypeScript CLI through tsx, so it works in
// a fresh clone right after `npm install`, with no build step.
require('tsx/cjs/api').register();
const { run, processIo } = require('../src-main/cli/main.ts');

run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
