// A real batch folder through the import, in a real project file: what is not
// a response file is listed as skipped with its reason (and fails nothing),
// links are followed once inside the chosen folder and refused outside it,
// a stop ends after the current file, progress counts files and rows, the
// preview shows how each letter will be split, and the same file imported
// by two connections at once is "unchanged" for the second.
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../src-main/core';
import { uuidV7 } from '../../../../src-main/core/deps';
import { importPaths } from '../../../../src-main/core/import/service';
import type { Store } from '../../../../src-main/core/store/open';
import type { ImportProgress, ImportReport } from '../../../../src-shared/imports';
import { testApi } from '../../../helpers/api';
import { tempDir, testCore, testDeps } from '../../../helpers/core';
import { toCsv, writeFiles } from '../../../helpers/import-fixtures';

let dir: string;
let cleanup: () => void;
let core: Core;
let inbox: string;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('innspill-batch-'));
  core = testCore(dir);
  inbox = path.join(dir, 'innboks');
  await testApi(core).project.create({ path: 'batch.innspill', template: 'brev-kommunene-2022' });
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

const store = (): Store => core.session.requireStore();
const api = () => testApi(core);
const csv = (name: string) => toCsv([['Kommune', 'Q1'], [name, `Svar fra ${name}.`]]);
const rel = (report: ImportReport) => report.files.map((f) => [path.relative(dir, f.path).split(path.sep).join('/'), f.status, f.reason?.code ?? f.error?.code]);

describe('what is skipped is said', () => {
  function batchFolder() {
    writeFiles(inbox, {
      'bodo.csv': csv('Bodø'),
      'README.md': '# Innboks\nSvar fra kommunene.',
      'nord/tromso.csv': csv('Tromsø'),
      '.arkiv/hamar.csv': csv('Hamar'),
    });
    writeFiles(dir, { 'utenfor/alta.csv': csv('Alta') });
    mkdirSync(path.join(inbox, 'tom'));
    symlinkSync(path.join(inbox, 'nord', 'tromso.csv'), path.join(inbox, 'lenke-til-tromso.csv'));
    symlinkSync(path.join(inbox, '.arkiv', 'hamar.csv'), path.join(inbox, 'hamar.csv'));
    symlinkSync(path.join(dir, 'utenfor', 'alta.csv'), path.join(inbox, 'alta.csv'));
    symlinkSync(path.join(inbox, 'nord'), path.join(inbox, 'nord-lenke'));
    symlinkSync(path.join(inbox, 'borte.csv'), path.join(inbox, 'brutt.csv'));
  }

  it('lists links, empty folders, hidden and unsupported files with the reason; everything importable goes in once', async () => {
    batchFolder();
    const report = await api().import.run({ paths: [inbox] });
    expect(rel(report)).toEqual([
      ['innboks/.arkiv', 'skipped', 'HIDDEN'],
      ['innboks/README.md', 'skipped', 'UNSUPPORTED'],
      ['innboks/bodo.csv', 'imported', undefined],
      ['innboks/nord/tromso.csv', 'imported', undefined],
      ['innboks/tom', 'skipped', 'EMPTY_FOLDER'],
      // Links after the walk: inside followed once, outside refused.
      ['innboks/alta.csv', 'skipped', 'LINK_OUTSIDE'],
      ['innboks/brutt.csv', 'skipped', 'LINK_BROKEN'],
      ['innboks/hamar.csv', 'imported', undefined],
      ['innboks/lenke-til-tromso.csv', 'skipped', 'SAME_FILE'],
      ['innboks/nord-lenke', 'skipped', 'LINK_TO_FOLDER'],
    ]);
    const reasons = Object.fromEntries(report.files.filter((f) => f.reason).map((f) => [path.basename(f.path), f.reason!.message]));
    expect(reasons['README.md']).toMatch(/^Innspill leser ikke \.md-filer \(leser .*\.csv.* og \.zip\)$/);
    expect(reasons['alta.csv']).toBe('Lenken peker utenfor den valgte mappen og følges ikke');
    expect(reasons['lenke-til-tromso.csv']).toBe(`Samme fil som «${path.join(inbox, 'nord', 'tromso.csv')}»; den importeres én gang`);
    expect(reasons['tom']).toBe('Tom mappe');
    // Nothing from outside the folder, each inside file once.
    const names = store().sqlite.prepare('SELECT name FROM respondent ORDER BY name').pluck().all();
    expect(names).toEqual(['Bodø', 'Hamar', 'Tromsø']);
    expect(store().sqlite.prepare('SELECT count(*) FROM source_file').pluck().get()).toBe(3);
    // The batch's saved report says the same.
    const [batch] = await api().import.batches();
    expect(batch.report.files.filter((f) => f.status === 'skipped')).toHaveLength(7);
  });

  it('the preview lists the same as skipped and writes nothing', async () => {
    batchFolder();
    const preview = await api().import.preview({ paths: [inbox] });
    expect(preview.files.filter((f) => f.status === 'skipped').map((f) => path.basename(f.path))).toEqual(['.arkiv', 'README.md', 'tom', 'alta.csv', 'brutt.csv', 'lenke-til-tromso.csv', 'nord-lenke']);
    expect(preview.files.filter((f) => f.status === 'ready').map((f) => path.basename(f.path))).toEqual(['bodo.csv', 'tromso.csv', 'hamar.csv']);
    expect(store().sqlite.prepare('SELECT count(*) FROM source_file').pluck().get()).toBe(0);
  });

  it('an empty chosen folder is said, not silently nothing', async () => {
    mkdirSync(inbox, { recursive: true });
    const report = await api().import.run({ paths: [inbox] });
    expect(report.files).toEqual([{ path: inbox, status: 'skipped', responses: 0, warnings: [], reason: { code: 'EMPTY_FOLDER', message: 'Mappen er tom; ingenting å importere' } }]);
  });
});

describe('stopping after the current file', () => {
  it('commits the file it is on, lists the rest as not imported, and keeps the report', async () => {
    const paths = writeFiles(inbox, { '1-bodo.csv': csv('Bodø'), '2-tromso.csv': csv('Tromsø'), '3-hamar.csv': csv('Hamar'), '4-README.md': '# Svar\n' });
    const stop = new AbortController();
    const report = await importPaths(store(), paths, core.session.deps, {
      stop: stop.signal,
      // The user presses Avbryt while the first file is being written.
      beforeCommit: (f) => f.endsWith('1-bodo.csv') && stop.abort(),
    });
    expect(report.stopped).toBe(true);
    expect(rel(report)).toEqual([
      ['innboks/1-bodo.csv', 'imported', undefined],
      ['innboks/2-tromso.csv', 'cancelled', 'STOPPED'],
      ['innboks/3-hamar.csv', 'cancelled', 'STOPPED'],
      // Not reached, but it would be skipped anyway: said so, and not part of «the rest».
      ['innboks/4-README.md', 'skipped', 'UNSUPPORTED'],
    ]);
    expect(store().sqlite.prepare('SELECT name FROM respondent').pluck().all()).toEqual(['Bodø']);
    const [batch] = await api().import.batches();
    expect(batch.report.stopped).toBe(true);
    // The rest imports afterwards; the first is unchanged.
    const rest = await api().import.run({ paths });
    expect(rest.files.map((f) => f.status)).toEqual(['unchanged', 'imported', 'imported', 'skipped']);
  });

  /** Starts import.run on a large file and a small one, and calls task.cancel once the first progress event is out. */
  async function cancelWhileRunning(now: boolean) {
    const rows = [['Kommune', 'Q1'], ...Array.from({ length: 3000 }, (_, i) => [`Innsender ${i}`, `Svar ${i} `.repeat(20)])];
    const paths = writeFiles(inbox, { '1-stor.csv': toCsv(rows), '2-bodo.csv': csv('Bodø') });
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const off = core.subscribe((event) => event === 'progress' && started());
    const importing = api().import.run({ paths }).catch((e: unknown) => e);
    await running;
    off();
    const cancel = await api().task.cancel({ task: 'import', now });
    return { cancel, outcome: await importing };
  }

  it('task.cancel (Avbryt) stops after the current file through the API', async () => {
    const { cancel, outcome } = await cancelWhileRunning(false);
    expect(cancel).toEqual({ cancelled: true, message: 'Importen stopper etter filen den er på.' });
    const report = outcome as ImportReport;
    expect(report.stopped).toBe(true);
    expect(rel(report)).toEqual([
      ['innboks/1-stor.csv', 'imported', undefined],
      ['innboks/2-bodo.csv', 'cancelled', 'STOPPED'],
    ]);
    expect(store().sqlite.prepare('SELECT count(*) FROM response').pluck().get()).toBe(3000);
  });

  it('task.cancel with now stops at once and rolls the open file back', async () => {
    const { cancel, outcome } = await cancelWhileRunning(true);
    expect(cancel.cancelled).toBe(true);
    expect(outcome).toMatchObject({ code: 'CANCELLED', message: 'Importen ble avbrutt. Ingenting ble lagret fra denne importen.' });
    expect(store().sqlite.prepare('SELECT count(*) FROM response').pluck().get()).toBe(0);
  });
});

describe('progress', () => {
  it('counts files and rows, names the current file, and ends at the whole', async () => {
    const rows = [['Kommune', 'Q1'], ...Array.from({ length: 300 }, (_, i) => [`Innsender ${i}`, `Svar ${i}`])];
    const paths = writeFiles(inbox, { 'a.csv': toCsv(rows), 'b.csv': csv('Bodø'), 'c.md': 'tekst' });
    const events: ImportProgress[] = [];
    await importPaths(store(), paths, core.session.deps, { onProgress: (p) => events.push(p) });
    expect(events[0]).toMatchObject({ files: { done: 0, total: 3 }, current: expect.stringMatching(/a\.csv$/) });
    expect(events.some((e) => e.step?.unit === 'rows' && e.step.total === 300)).toBe(true);
    const finished = events.filter((e) => e.finished).map((e) => [path.basename(e.finished!.path), e.finished!.status, e.finished!.responses, e.files.done]);
    expect(finished).toEqual([
      ['a.csv', 'imported', 300, 1],
      ['b.csv', 'imported', 1, 2],
      ['c.md', 'skipped', 0, 3],
    ]);
    expect(events.at(-1)).toMatchObject({ fraction: 1, etaSeconds: 0 });
  });

  it('reaches the UI as the progress event of task "import"', async () => {
    const seen: unknown[] = [];
    const off = core.subscribe((event, payload) => event === 'progress' && seen.push(payload));
    writeFiles(inbox, { 'b.csv': csv('Bodø') });
    await api().import.run({ paths: [inbox] });
    off();
    expect(seen.at(-1)).toMatchObject({ task: 'import', done: 1, total: 1, import: { files: { done: 1, total: 1 }, finished: { status: 'imported' } } });
  });
});

describe('the split preview', () => {
  it('shows per letter each question with the first words of its answer, and why', async () => {
    const letter = ['Bodø kommune', 'Dato: 30.05.2022', 'Spørsmål 1', 'Vi ser tre utfordringer i distriktene som politiet må møte sammen med kommunen i årene som kommer.', 'Spørsmål 2', 'Nei.'].join('\n');
    writeFiles(inbox, { 'bodo.txt': letter, 'prosa.txt': 'Hamar kommune\nVi takker for brevet og mener at politiet må være mer til stede.' });
    const preview = await api().import.preview({ paths: [inbox] });
    const split = (name: string) => preview.files.find((f) => f.path.endsWith(name))!.matches![0].split;
    expect(split('bodo.txt')).toEqual({
      method: 'labelled',
      parts: [
        { question: null, excerpt: 'Bodø kommune Dato: 30.05.2022' },
        { question: 1, excerpt: 'Vi ser tre utfordringer i distriktene som politiet må møte sammen med …' },
        { question: 2, excerpt: 'Nei.' },
      ],
    });
    expect(split('prosa.txt')).toMatchObject({ method: 'none', parts: [{ question: null }] });
  });
});

describe('the same file imported twice at once', () => {
  it('the second connection reports "unchanged", never a UNIQUE constraint error', async () => {
    const [file] = writeFiles(inbox, { 'bodo.csv': csv('Bodø') });
    // A second core (its own connection, its own ids) on the same project file.
    const other = createCore({ ...testDeps(dir), newId: uuidV7, shell: 'host' });
    try {
      await testApi(other).project.open({ path: 'batch.innspill' });
      // The first has read the file and found it new; the other imports it before the first writes.
      let theirs: ImportReport | undefined;
      const ours = await importPaths(store(), [file], core.session.deps, {
        beforeWrite: async () => {
          theirs = await testApi(other).import.run({ paths: [file] });
        },
      });
      expect(theirs!.files.map((f) => f.status)).toEqual(['imported']);
      expect(ours.files).toEqual([
        {
          path: file,
          status: 'unchanged',
          responses: 0,
          warnings: [{ code: 'ALREADY_IMPORTED', message: `Filen er allerede importert (som ${file}); ingenting ble endret` }],
        },
      ]);
      expect(ours.batchId).toBeNull();
      expect(store().sqlite.prepare('SELECT count(*) FROM source_file').pluck().get()).toBe(1);
      expect(store().sqlite.prepare('SELECT count(*) FROM import_batch').pluck().get()).toBe(1);
      expect(store().sqlite.prepare('SELECT count(*) FROM response').pluck().get()).toBe(1);
    } finally {
      await other.dispose();
    }
  });
});
