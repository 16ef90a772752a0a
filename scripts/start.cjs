#!/usr/bin/env node
// `npm start`: builds with electron-vite, then runs the desktop app if the
// Electron binary is installed, otherwise the local host (the same UI served
// to a browser). Plain Node, no dependencies. Extra arguments are passed on.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);

function build() {
  const pkg = require.resolve('electron-vite/package.json', { paths: [root] });
  const cli = path.join(path.dirname(pkg), require(pkg).bin['electron-vite']);
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * The Electron executable, or null. Deliberately not `require('electron')`:
 * since Electron 45 that tries to download a missing binary, which on an
 * offline machine hangs or fails instead of telling us "not installed".
 */
function findElectron() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return null;
  }
  const pathFile = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  if (!relative && !process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const executable = path.join(distDir, relative || 'electron');
  return fs.existsSync(executable) ? executable : null;
}

/** Runs the child with our stdio, passes termination signals on, exits with its code. */
function run(command, commandArgs, env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      // Ctrl+C in a terminal already reaches the child (same process group);
      // sending it again would make it shut down twice.
      if (signal === 'SIGINT' && process.stdin.isTTY) return;
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (e) => {
    console.error(`Kunne ikke starte ${command}: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

build();
const electron = findElectron();
if (electron) {
  // An inherited ELECTRON_RUN_AS_NODE would make Electron behave like plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron, ['.', ...args], env);
} else {
  console.log(
    'Electron er ikke tilgjengelig på denne maskinen (binæren mangler); starter lokal vert i stedet. / ' +
      'Electron is not available on this machine (binary missing); starting the local host instead.',
  );
  const tsx = require.resolve('tsx/cli', { paths: [root] });
  run(process.execPath, [tsx, path.join(root, 'src-main/host/main.ts'), ...args], process.env);
}
