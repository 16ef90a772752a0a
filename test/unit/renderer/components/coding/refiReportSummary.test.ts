// @vitest-environment happy-dom
// The REFI-QDA import message: translated in both languages, the reading of
// positions, and every skipped coding counted with its reason (never silent).
import i18next from 'i18next';
import { beforeAll, expect, it } from 'vitest';
import type { RefiImportReport } from '../../../../../src-shared/refi';
import nb from '../../../../../src-renderer/src/i18n/nb.json';
import en from '../../../../../src-renderer/src/i18n/en.json';
import { refiReportSummary } from '../../../../../src-renderer/src/components/coding/refiReportSummary';

beforeAll(async () => {
  await i18next.init({ resources: { nb: { translation: nb }, en: { translation: en } }, lng: 'nb', interpolation: { escapeValue: false } });
});

const report = (over: Partial<RefiImportReport>): RefiImportReport => ({
  fileName: 'x.qdpx',
  inFile: { sources: 2, textSources: 2, codes: 3, sets: 1, selections: 5, codings: 5, notes: 0, users: 2, cases: 0, variables: 0 },
  positions: { unit: 'utf16', crlf: 2, basis: 'origin', origin: 'NVivo', explanation: '', fits: [] },
  codes: { created: 3, updated: 0, total: 3 },
  codeGroups: { groups: 1, members: 2, unknownCodes: 0 },
  sources: { total: 2, matched: 1, unmatched: 1 },
  responses: { created: 0, matched: 0, unmatched: 0, ambiguous: 0 },
  codings: { inFile: 5, inMatched: 3, created: 3, existing: 0, skipped: 2 },
  skippedBy: [{ key: 'notAResponse', reason: 'the source is not one of the current responses', codings: 2 }],
  notImported: [{ key: 'setMembers', kind: 'Sources and notes in sets', count: 5, why: '' }],
  matched: [],
  unmatched: [{ source: 'Intervju', reason: 'x', selections: 2 }],
  notes: [],
  ...over,
});

it('says how positions were read, what was skipped and why, and what was not imported, in bokmål and English', async () => {
  await i18next.changeLanguage('nb');
  const text = refiReportSummary(i18next.t, report({}));
  expect(text).toContain('UTF-16-kodeenheter');
  expect(text).toContain('2 av 5 kodinger i filen ble ikke importert: kilden er ikke et av de gjeldende svarene (2)');
  expect(text).toContain('1 kodegrupper med 2 koder');
  expect(text).toContain('Ikke importert: 5 kilder og notater i sett');
  expect(text).toContain('Intervju');
  await i18next.changeLanguage('en');
  expect(refiReportSummary(i18next.t, report({ positions: { unit: 'codepoint', crlf: 2, basis: 'refused', origin: null, explanation: '', fits: [] } }))).toContain(
    "The file's positions do not fit its sources' text, so no codings were made",
  );
});

it('says how many responses were made from the sources', async () => {
  await i18next.changeLanguage('nb');
  expect(refiReportSummary(i18next.t, report({ responses: { created: 2, matched: 0, unmatched: 2, ambiguous: 0 } }))).toContain('2 nye svar laget fra kildene');
  expect(refiReportSummary(i18next.t, report({}))).not.toContain('nye svar');
});

it('says nothing of skipping when nothing was skipped', async () => {
  await i18next.changeLanguage('nb');
  const text = refiReportSummary(i18next.t, report({ codings: { inFile: 3, inMatched: 3, created: 3, existing: 0, skipped: 0 }, skippedBy: [], unmatched: [], notImported: [] }));
  expect(text).not.toMatch(/ikke importert/i);
});
