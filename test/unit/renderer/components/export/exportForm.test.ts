// The export dialog's form logic: the section list (order, on/off, the
// appendix off by default), dd.mm.åååå dates, "all or some" choices and the
// request it sends.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { memoOptionsSchema, type ExportDefaults } from '../../../../../src-shared/export';
import {
  exportTarget,
  initialMemoForm,
  initialSections,
  isEmptyChoice,
  memoOptions,
  memoProblems,
  moveSection,
  parseNorwegianDate,
  toggleChoice,
  toggleSection,
  workbookOptions,
} from '../../../../../src-renderer/src/components/export/exportForm';

const defaults: ExportDefaults = {
  metadata: { to: '', from: 'Kari Nordmann', date: '2026-11-27', caseNumber: '22/535', subject: 'Brev til kommunene' },
  sections: ['summary', 'questions', 'findings', 'stations', 'charts'],
  exportDir: '/home/kari/Innspill/Eksport',
  fileNames: { docx: 'Brev - notat 2026-11-27.docx', xlsx: 'Brev - arbeidsbok 2026-11-27.xlsx', csvSvar: 'Brev - svar 2026-11-27.csv', csvKoding: 'Brev - koding 2026-11-27.csv', qdpx: 'Brev - prosjekt 2026-11-27.qdpx', qdpxNvivo: 'Brev - prosjekt-nvivo 2026-11-27.qdpx' },
};
const universe = { questionIds: ['q1', 'q2', 'q3'], districtCodes: ['p01', 'p02'], codeIds: ['c1', 'c2'] };

describe('the section list', () => {
  it('starts with the default sections on, in their order, and the appendix off at the end', () => {
    expect(initialSections(defaults.sections)).toEqual([
      { id: 'summary', on: true },
      { id: 'questions', on: true },
      { id: 'findings', on: true },
      { id: 'stations', on: true },
      { id: 'charts', on: true },
      { id: 'appendix', on: false },
    ]);
  });

  it('moves a section up or down one step, and not past either end', () => {
    const rows = initialSections(defaults.sections);
    expect(moveSection(rows, 2, -1).map((r) => r.id)).toEqual(['summary', 'findings', 'questions', 'stations', 'charts', 'appendix']);
    expect(moveSection(rows, 0, 1).map((r) => r.id)).toEqual(['questions', 'summary', 'findings', 'stations', 'charts', 'appendix']);
    expect(moveSection(rows, 0, -1)).toEqual(rows);
    expect(moveSection(rows, 5, 1)).toEqual(rows);
  });

  it('sends only the sections that are on, in the shown order', () => {
    let form = initialMemoForm(defaults);
    form = { ...form, sections: toggleSection(moveSection(form.sections, 3, -1), 'charts', false) };
    form = { ...form, sections: toggleSection(form.sections, 'appendix', true) };
    expect(memoOptions(form).sections).toEqual(['summary', 'questions', 'stations', 'findings', 'appendix']);
    expect(memoProblems({ ...form, sections: form.sections.map((s) => ({ ...s, on: false })) }, universe)).toEqual(new Set(['sections']));
  });
});

describe('dates typed as dd.mm.åååå', () => {
  it('reads real dates and refuses the rest', () => {
    expect(parseNorwegianDate('27.11.2026')).toBe('2026-11-27');
    expect(parseNorwegianDate(' 1.2.2026 ')).toBe('2026-02-01');
    expect(parseNorwegianDate('29.02.2024')).toBe('2024-02-29');
    for (const bad of ['29.02.2026', '31.04.2026', '2026-11-27', '27.11.26', '27/11/2026', '', '00.01.2026']) expect(parseNorwegianDate(bad)).toBeNull();
  });

  it('shows the default date the Norwegian way and sends it as ISO', () => {
    const form = initialMemoForm(defaults);
    expect(form.date).toBe('27.11.2026');
    expect(memoOptions({ ...form, date: '03.01.2027' }).metadata.date).toBe('2027-01-03');
    expect(memoProblems({ ...form, date: '32.01.2027' }, universe)).toEqual(new Set(['date']));
  });
});

describe('"all or some" choices', () => {
  const all = ['a', 'b', 'c'];
  it('is all (null) until one is left out, and all again when every one is chosen', () => {
    const some = toggleChoice(null, all, 'b', false);
    expect(some).toEqual(['a', 'c']);
    expect(toggleChoice(some, all, 'b', true)).toBeNull();
    // Chosen in the list's order, whatever order they were ticked in.
    expect(toggleChoice(toggleChoice(['c'], all, 'a', true), all, 'b', false)).toEqual(['a', 'c']);
    expect(isEmptyChoice([], all)).toBe(true);
    expect(isEmptyChoice(null, all)).toBe(false);
    expect(isEmptyChoice([], [])).toBe(false);
  });

  it('sends the police districts by their register codes, and flags an empty choice', () => {
    const form = { ...initialMemoForm(defaults), districtCodes: ['p01', 'p12'], questionIds: ['q2'], codeIds: null };
    const options = memoOptions(form);
    expect(options).toMatchObject({ policeDistrictCodes: ['p01', 'p12'], questionIds: ['q2'], codeIds: null, topCodes: 8, quotesPerItem: 2 });
    // What the dialog sends is what the contract accepts.
    expect(memoOptionsSchema.safeParse(options).error?.issues ?? []).toEqual([]);
    expect(workbookOptions({ questionIds: null, districtCodes: ['p03'] })).toEqual({ questionIds: null, policeDistrictCodes: ['p03'] });
    expect(memoProblems({ ...form, questionIds: [], topCodes: 0, quotesPerItem: Number.NaN }, universe)).toEqual(new Set(['questions', 'topCodes', 'quotesPerItem']));
  });
});

describe('the file name', () => {
  it('sends no target for the suggested name, so the core never overwrites it', () => {
    expect(exportTarget(defaults.fileNames.docx, defaults.fileNames.docx, 'docx')).toBeUndefined();
    expect(exportTarget('  ', defaults.fileNames.docx, 'docx')).toBeUndefined();
  });
  it('adds the extension to a typed name that lacks it', () => {
    expect(exportTarget('Notat til statsråden', defaults.fileNames.docx, 'docx')).toBe('Notat til statsråden.docx');
    expect(exportTarget('tabell.CSV', defaults.fileNames.csvSvar, 'csvSvar')).toBe('tabell.CSV');
    expect(exportTarget('bok', defaults.fileNames.xlsx, 'xlsx')).toBe('bok.xlsx');
    expect(exportTarget('til NVivo', defaults.fileNames.qdpx, 'qdpx')).toBe('til NVivo.qdpx');
    expect(exportTarget('for NVivo', defaults.fileNames.qdpxNvivo, 'qdpxNvivo')).toBe('for NVivo.qdpx');
  });
});
