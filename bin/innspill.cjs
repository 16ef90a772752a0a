#!/usr/bin/env node
// The `innspill` command: runs the TypeScript CLI through tsx, so it works in
// a fresh clone right after `npm install`, with no build step.
require('tsx/cjs/api').register();
const { run } = require('../src-main/cli/main.ts');

run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
