// The memo's options as a caseworker fills them in: the date field accepts
// only a real dd.mm.åååå date (29.02 only in a leap year) and says how to
// write it, the number fields refuse what is out of range or empty, and the
// request carries the date as ISO.
// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ExportDefaults } from '../../../../../src-shared/export';
import '../../../../../src-renderer/src/i18n';
import nb from '../../../../../src-renderer/src/i18n/nb.json';
import { initialMemoForm, memoOptions, memoProblems, type MemoForm } from '../../../../../src-renderer/src/components/export/exportForm';
import { MemoOptionsForm } from '../../../../../src-renderer/src/components/export/MemoOptionsForm';

const defaults: ExportDefaults = {
  metadata: { to: 'Justisdepartementet', from: 'Politiavdelingen', date: '2026-11-27', caseNumber: '22/1234', subject: 'Høring' },
  sections: ['summary', 'questions'],
  exportDir: '/tmp',
  fileNames: { docx: 'a.docx', xlsx: 'a.xlsx', csvSvar: 'svar.csv', csvKoding: 'koding.csv' },
} as ExportDefaults;
const universe = { questionIds: ['q1'], districtCodes: ['NOR'], codeIds: ['k1'] };
const dateError = nb.export.memo.metadata.dateInvalid;

let latest: MemoForm;
function Harness() {
  const [form, setForm] = useState(() => initialMemoForm(defaults));
  latest = form;
  return (
    <MemoOptionsForm
      value={form}
      onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
      problems={memoProblems(form, universe)}
      questions={[{ value: 'q1', label: 'Spørsmål 1' }]}
      districts={[{ value: 'NOR', label: 'Nordland' }]}
      codes={[{ value: 'k1', label: 'Rus' }]}
    />
  );
}

const typeDate = (text: string) => fireEvent.change(screen.getByTestId('export-meta-date').querySelector('input') ?? screen.getByTestId('export-meta-date'), { target: { value: text } });

describe('the memo date field', () => {
  it('starts with the default date in dd.mm.åååå and no error', () => {
    render(<Harness />);
    expect(latest.date).toBe('27.11.2026');
    expect(screen.queryByText(dateError)).toBeNull();
  });

  it('refuses what is not a real dd.mm.åååå date, says how to write it, and accepts real ones (sent as ISO)', () => {
    render(<Harness />);
    for (const text of ['31.02.2026', '29.02.2025', '2026-11-27', '27.11.26', '27/11/2026', '', '00.01.2026', '01.13.2026', '1.1.10000']) {
      typeDate(text);
      expect(screen.queryByText(dateError), text).not.toBeNull();
    }
    for (const [text, iso] of [['29.02.2024', '2024-02-29'], ['1.2.2026', '2026-02-01'], [' 31.12.2026 ', '2026-12-31']]) {
      typeDate(text);
      expect(screen.queryByText(dateError), text).toBeNull();
      expect(memoOptions(latest).metadata.date).toBe(iso);
    }
  });
});
