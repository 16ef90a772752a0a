// Long exports turn and can be stopped (core/tasks.ts, api/handlers/export.ts),
// on a real project of a few thousand imported responses: a read of the
// project answers while a workbook is written (its latencies are printed, not
// asserted: the machine is shared); each export stopped half-way (task.cancel
// with the caller's taskId) ends with CANCELLED and a Norwegian message that
// nothing was written, leaves neither its file nor a temporary file behind,
// leaves a file the user had under the same name as it was, and changes
// nothing in the project; a cancel sent before the export starts is enough.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeResponsesCsv } from '../../../../bench/lib';
import type { Core } from '../../../../src-main/core';
import { EXPORT_FOLDER } from '../../../../src-main/core/export/files';
import type { ExportDefaults } from '../../../../src-shared/export';
import { tempDir, testCore } from '../../../helpers/core';

/** A few thousand: the table exports write them in several chunks (more with INNSPILL_EXPORT_RESPONSES). */
const RESPONSES = Number(process.env.INNSPILL_EXPORT_RESPONSES ?? 2_000);
const CANCELLED = { ok: false, error: { code: 'CANCELLED', message: 'Eksporten ble avbrutt. Ingen fil ble skrevet.' } };

let dir: string;
let cleanup: () => void;
let core: Core;
let defaults: ExportDefaults;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  expect((await core.dispatch('project.create', { path: path.join(dir, 'stor.innspill') })).ok).toBe(true);
  expect((await core.dispatch('import.run', { paths: [writeResponsesCsv(dir, RESPONSES, 200)] })).ok).toBe(true);
  const d = await core.dispatch('export.defaults', {});
  if (!d.ok) throw new Error(d.error.message);
  defaults = d.result as ExportDefaults;
}, 600_000);

afterAll(async () => {
  await core.dispose();
  cleanup();
});

const exportFolder = () => path.join(dir, EXPORT_FOLDER);
const written = () => (existsSync(exportFolder()) ? readdirSync(exportFolder()).sort() : []);
/** What the project holds, to compare before and after: row counts of the tables an export reads, and the undo history. */
const projectState = () => {
  const sqlite = core.session.requireStore().sqlite;
  const tables = ['response', 'answer', 'coding', 'code', 'event', 'respondent', 'finding'];
  return Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get()]));
};

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};

type Exporter = { method: string; input: () => Record<string, unknown>; ext: string };
const EXPORTERS: Exporter[] = [
  { method: 'export.workbook', input: () => ({ options: {} }), ext: 'xlsx' },
  { method: 'export.csv', input: () => ({ table: 'svar' }), ext: 'csv' },
  { method: 'export.memo', input: () => ({ options: { metadata: defaults.metadata, sections: [...defaults.sections, 'appendix'] } }), ext: 'docx' },
  { method: 'refi.exportProject', input: () => ({}), ext: 'qdpx' },
];

/** Runs an export named `taskId` and cancels it by that id at its first progress event. */
async function cancelAtFirstProgress(method: string, input: Record<string, unknown>, taskId: string) {
  let cancel: Promise<unknown> | null = null;
  const stop = core.session.subscribe((event, payload) => {
    if (event === 'progress' && (payload as { taskId?: string }).taskId === taskId && !cancel) cancel = core.dispatch('task.cancel', { taskId });
  });
  try {
    const outcome = await core.dispatch(method, { ...input, taskId });
    return { outcome, cancel: await cancel };
  } finally {
    stop();
  }
}

describe('a long export lets reads through', () => {
  it(`answers stats.get while a workbook of ${RESPONSES} responses is written, and sends progress during it`, async () => {
    let progressEvents = 0;
    let exportDone = 0;
    const stop = core.session.subscribe((event, payload) => {
      if (event === 'progress' && (payload as { task: string }).task === 'export' && !exportDone) progressEvents++;
    });
    const started = performance.now();
    const exporting = core.dispatch('export.workbook', { options: {} }).then((r) => {
      exportDone = performance.now();
      return r;
    });
    const latencies: number[] = [];
    while (!exportDone) {
      // Each read arrives as a message does, in a later turn of the event loop (a loop of
      // reads answered in microtasks alone would never let the export's turns run): its
      // latency counts from when it was sent, so time the export holds the loop counts too.
      const sent = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      const stats = await core.dispatch('stats.get', {});
      expect(stats).toMatchObject({ ok: true, result: { responses: { current: RESPONSES } } });
      latencies.push(performance.now() - sent);
    }
    stop();
    expect((await exporting).ok).toBe(true);
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    console.log(
      `workbook of ${RESPONSES} responses: ${Math.round(exportDone - started)} ms, ${progressEvents} progress events; ${latencies.length} reads (stats.get) during it: median ${ms(quantile(latencies, 0.5))}, p90 ${ms(quantile(latencies, 0.9))}, max ${ms(quantile(latencies, 1))}`,
    );
    // Reads answered between the export's chunks, not all after it.
    expect(latencies.length).toBeGreaterThan(3);
    expect(progressEvents).toBeGreaterThan(3);
  }, 600_000);
});

describe('stopping an export', () => {
  for (const { method, input, ext } of EXPORTERS) {
    it(`${method}: CANCELLED, no file and no temporary file left, the project unchanged, and the next one runs in full`, async () => {
      const before = written();
      const state = projectState();
      const { outcome, cancel } = await cancelAtFirstProgress(method, input(), `stop-${method}`);
      expect(cancel).toEqual({ ok: true, result: { cancelled: true, message: 'Eksporten avbrytes; ingen fil blir skrevet.' } });
      expect(outcome).toEqual(CANCELLED);
      expect(written()).toEqual(before);
      expect(projectState()).toEqual(state);

      // Nothing runs now: a cancel by name says so, and the same export completes.
      expect(await core.dispatch('task.cancel', { task: 'export' })).toEqual({ ok: true, result: { cancelled: false, message: 'Ingen eksport kjører nå; ingenting å avbryte.' } });
      const again = await core.dispatch(method, input());
      expect(again.ok).toBe(true);
      const file = (again as { ok: true; result: { fileName: string } }).result.fileName;
      expect(file.endsWith(`.${ext}`)).toBe(true);
      expect(written()).toEqual([...before, file].sort());
    }, 600_000);
  }

  it('leaves a file the user had under the chosen name as it was', async () => {
    const target = path.join(exportFolder(), 'mitt eget.xlsx');
    writeFileSync(target, 'the earlier file');
    const before = written();
    const { outcome } = await cancelAtFirstProgress('export.workbook', { options: {}, target }, 'overwrite');
    expect(outcome).toEqual(CANCELLED);
    expect(readFileSync(target, 'utf8')).toBe('the earlier file');
    expect(written()).toEqual(before);
  }, 600_000);

  it('stops an export whose cancel came before it started: one cancel is enough', async () => {
    const before = written();
    expect(await core.dispatch('task.cancel', { taskId: 'early' })).toEqual({ ok: true, result: { cancelled: true, message: 'Oppgaven avbrytes før den begynner.' } });
    expect(await core.dispatch('export.csv', { table: 'koding', taskId: 'early' })).toEqual(CANCELLED);
    expect(written()).toEqual(before);
    // Once over, a late cancel for it says so.
    expect(await core.dispatch('task.cancel', { taskId: 'early' })).toEqual({ ok: true, result: { cancelled: false, message: 'Oppgaven er allerede ferdig; ingenting å avbryte.' } });
  }, 600_000);
});
