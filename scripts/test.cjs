#!/usr/bin/env node
// `npm test`: typecheck, lint (with the architecture rules), unit and
// integration tests (vitest), build, then end-to-end tests (Playwright in
// Debian's Chromium). Ends with one summary line: "N passed, N failed".
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, rmSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(
    `Chromium not found at ${chromium}: install it with "sudo apt-get install -y chromium" (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary.`,
  );
  process.exit(1);
}

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(path.join(root, file), 'utf8'));
  } catch {
    return null;
  }
}

rmSync(path.join(root, 'test-results'), { recursive: true, force: true });
let ok = step('Typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
ok = step('Lint', bin('eslint'), ['.']) && ok;
ok =
  step('Unit and integration tests', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/vitest.json',
  ]) && ok;
const built = step('Build', bin('electron-vite'), ['build']);
ok = built && ok;
if (built) ok = step('End-to-end tests', bin('playwright'), ['test']) && ok;

const unit = readJson('test-results/vitest.json');
const e2e = readJson('test-results/e2e.json');
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);
// A step that failed without failing a test (typecheck, lint, build) counts as one failure.
const failures = failed || (ok ? 0 : 1);
console.log(`\n${passed} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
