// What every export shares: the dialog's defaults, where files go, atomic
// writes, and that only this session's exports may be handed to the OS.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../src-main/core';
import { EXPORT_FOLDER, defaultFileName, resolveTarget, safeBaseName, writeAtomically, writeFileAtomically } from '../../../../src-main/core/export/files';
import type { ApiClient } from '../../../../src-shared/client';
import { MEMO_SECTION_IDS } from '../../../../src-shared/export';
import { expectApiError, testApi } from '../../../helpers/api';
import { recordingDesktop, tempDir, testDeps } from '../../../helpers/core';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('export files', () => {
  it('names files after the project title, safely', () => {
    expect(safeBaseName('Brev 22/535: "svar"?')).toBe('Brev 22-535 svar');
    expect(safeBaseName('  ...  ')).toBe('Innspill');
    expect(defaultFileName('Høring om politiet', 'notat', '2026-11-27', 'docx')).toBe('Høring om politiet - notat 2026-11-27.docx');
  });

  it('resolves relative names into the export folder, checks the extension, and never overwrites under a default name', () => {
    const folder = path.join(t.dir, EXPORT_FOLDER);
    expect(resolveTarget(t.dir, 'notat.docx', 'x.docx', 'docx')).toBe(path.join(folder, 'notat.docx'));
    expect(existsSync(folder)).toBe(true);
    expect(() => resolveTarget(t.dir, 'notat.exe', 'x.docx', 'docx')).toThrow(/must end with \.docx/);
    expect(() => resolveTarget(t.dir, path.join(t.dir, 'mangler', 'notat.docx'), 'x.docx', 'docx')).toThrow(/does not exist/);
    writeFileSync(path.join(folder, 'x.docx'), 'old');
    writeFileSync(path.join(folder, 'x (2).docx'), 'old');
    expect(resolveTarget(t.dir, undefined, 'x.docx', 'docx')).toBe(path.join(folder, 'x (3).docx'));
    // A name the user gave is theirs to overwrite.
    expect(resolveTarget(t.dir, 'x.docx', 'y.docx', 'docx')).toBe(path.join(folder, 'x.docx'));
  });

  it('writes under a temporary name and leaves the old file and no temp file when writing fails', async () => {
    const file = path.join(t.dir, 'book.xlsx');
    writeFileSync(file, 'previous');
    await expect(
      writeAtomically(file, async (temp) => {
        writeFileSync(temp, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(file, 'utf8')).toBe('previous');
    expect(readdirSync(t.dir)).toEqual(['book.xlsx']);
    expect(await writeFileAtomically(file, Buffer.from('new'))).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(t.dir)).toEqual(['book.xlsx']);
  });
});

describe('export.defaults and export.open', () => {
  let core: Core;
  let api: ApiClient;
  let desktop: ReturnType<typeof recordingDesktop>;
  beforeEach(async () => {
    desktop = recordingDesktop();
    core = createCore({ ...testDeps(t.dir), desktop, shell: 'host', rememberRecent: false });
    api = testApi(core);
    await api.settings.update({ userName: 'Kari Nordmann' });
  });
  afterEach(() => core.dispose());

  it('starts the memo header from the case, the caseworker and today, without the appendix', async () => {
    await expectApiError(api.export.defaults({}), 'NO_PROJECT');
    await api.project.create({ path: 'sak.innspill' });
    const defaults = await api.export.defaults({});
    const project = (await api.project.current({}))!;
    expect(defaults.metadata).toEqual({
      to: '',
      from: 'Kari Nordmann',
      date: '2026-01-01', // the test clock's day
      caseNumber: '22/535',
      subject: project.title,
    });
    expect(defaults.sections).toEqual(MEMO_SECTION_IDS.filter((s) => s !== 'appendix'));
    expect(defaults.exportDir).toBe(path.join(t.dir, EXPORT_FOLDER));
    expect(defaults.fileNames.docx).toBe(`${project.title} - notat 2026-01-01.docx`);
    expect(defaults.fileNames.csvKoding).toBe(`${project.title} - koding 2026-01-01.csv`);
    expect(defaults.fileNames.qdpx).toBe(`${project.title} - prosjekt 2026-01-01.qdpx`);
  });

  it('opens or reveals only files this session exported', async () => {
    await api.project.create({ path: 'sak.innspill' });
    const elsewhere = path.join(t.dir, 'annet.docx');
    mkdirSync(path.dirname(elsewhere), { recursive: true });
    writeFileSync(elsewhere, 'not ours');
    await expectApiError(api.export.open({ path: elsewhere }), 'FORBIDDEN');
    await expectApiError(api.export.open({ path: '/bin/sh', reveal: true }), 'FORBIDDEN');
    expect(desktop.calls).toEqual([]);

    const csv = await api.export.csv({ table: 'svar' });
    expect(await api.export.open({ path: csv.path })).toEqual({ opened: true });
    expect(await api.export.open({ path: csv.path, reveal: true })).toEqual({ opened: true });
    expect(desktop.calls).toEqual([
      { action: 'open', path: csv.path },
      { action: 'reveal', path: csv.path },
    ]);
  });
});
