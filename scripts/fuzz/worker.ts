// A fuzz worker: a child process (forked with a heap ceiling by run.ts) that holds a core with a
// project open and runs one case at a time as its format's registry entry says. A refused case must
// leave the project exactly as it was (its fingerprint: every table's row count, the newest audit
// event, the newest change time) and create no file; a case that was accepted may change it, and the
// next case gets a fresh copy of the base project.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../src-main/core';
import { silentLogger } from '../../src-main/core/deps';
import { formatNamed, type Base, type Outcome } from './formats';

export interface CaseMessage {
  format: string;
  file: string;
  setupDir: string;
  workDir: string;
}

export type CaseReply = Outcome | { kind: 'changed'; detail: string };

let core: Core | null = null;
let open: { base: Base; dirty: boolean } | null = null;

function fingerprint(c: Core): string {
  const sqlite = c.session.requireStore().sqlite;
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const parts = tables.map((t) => {
    const cols = (sqlite.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name);
    const newest = cols.includes('updated_at') ? `, max(updated_at)` : '';
    return `${t}:${JSON.stringify(sqlite.prepare(`SELECT count(*)${newest} FROM "${t}"`).raw().get())}`;
  });
  return parts.join('|');
}

async function projectFor(base: Base, msg: CaseMessage): Promise<Core> {
  core ??= createCore({
    paths: { resourcesDir: path.join(__dirname, '..', '..', 'resources'), configDir: path.join(msg.workDir, 'config'), workspaceDir: msg.workDir },
    shell: 'host',
    logger: silentLogger,
    rememberRecent: false,
    author: () => 'Fuzz',
  });
  if (open?.base === base && !open.dirty) return core;
  await core.dispatch('project.close', {});
  const work = path.join(msg.workDir, 'project.innspill');
  for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
  copyFileSync(path.join(msg.setupDir, `${base}.innspill`), work);
  const opened = await core.dispatch('project.open', { path: work });
  if (!opened.ok) throw new Error(`the base project ${base} does not open: ${opened.error.message}`);
  open = { base, dirty: false };
  return core;
}

async function runCase(msg: CaseMessage): Promise<CaseReply> {
  const format = formatNamed(msg.format);
  const c = await projectFor(format.base, msg);
  const scratch = path.join(msg.workDir, 'scratch.innspill');
  for (const suffix of ['', '-wal', '-shm']) rmSync(scratch + suffix, { force: true });
  const before = fingerprint(c);
  let outcome: Outcome;
  try {
    outcome = await format.run({ core: c, file: msg.file, setupDir: msg.setupDir, scratch });
  } catch (e) {
    // The registry calls dispatch, which catches everything; a throw here is a crash of the harness's path.
    outcome = { kind: 'crash', detail: `thrown: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (outcome.kind !== 'refused') {
    open!.dirty = true;
    return outcome;
  }
  if (c.session.current === null || c.session.current.path !== path.join(msg.workDir, 'project.innspill')) {
    // Opening a package closes the project first; that is no change to it, but the next case needs it open.
    open = null;
    return outcome;
  }
  if (existsSync(scratch)) {
    open!.dirty = true;
    return { kind: 'changed', detail: 'a refused package left a working copy behind' };
  }
  const after = fingerprint(c);
  if (after !== before) {
    open!.dirty = true;
    return { kind: 'changed', detail: `the project changed after a refusal` };
  }
  return outcome;
}

// A worker whose parent is gone (stopped, killed) stops too.
process.on('disconnect', () => process.exit(0));

// The core's modules are loaded (imports above); the parent starts the clock from here.
process.send!({ kind: 'ready' });

process.on('message', (msg: CaseMessage) => {
  runCase(msg).then(
    (reply) => process.send!(reply),
    (e: unknown) => process.send!({ kind: 'crash', detail: `worker: ${e instanceof Error ? e.message : String(e)}` } satisfies CaseReply),
  );
});
