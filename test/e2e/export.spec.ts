// "Eksporter" end to end, on the synthetic demo case: the memo with one
// section switched off and two reordered (by keyboard), its progress and
// result panel, "Åpne filen" / "Vis i mappen" (recorded, not started), the
// file on disk with its headings in the chosen order; then the workbook under
// a typed name, read back with exceljs; then a CSV table, twice.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { docxHeadings, docxParagraphs, zipText } from '../helpers/zip-entries';
import { expect, expectOnlyHostRequests, test } from './fixtures';
import { call } from './import-helpers';

/** The section ids in the order the list shows them. */
async function sectionOrder(page: Page): Promise<string[]> {
  return page.getByTestId('export-section').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-section') ?? ''));
}

/** Records, from the page, every determinate value the export progress bar shows. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __progressSeen: boolean; __progressValues: number[] };
    w.__progressSeen = false;
    w.__progressValues = [];
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="export-progress-bar"]');
      if (!bar) return;
      w.__progressSeen = true;
      if (bar.hasAttribute('value')) w.__progressValues.push(bar.value / bar.max);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

async function progressSeen(page: Page): Promise<{ seen: boolean; values: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __progressSeen: boolean; __progressValues: number[] };
    return { seen: w.__progressSeen, values: w.__progressValues };
  });
}

test('the export dialog writes the memo with the chosen sections in order, then the workbook and a CSV table', async ({ app, page }) => {
  test.setTimeout(150_000);
  // A common ministry laptop: the result must appear where the user is looking, not below the fold.
  await page.setViewportSize({ width: 1366, height: 768 });
  await call(app, 'import.demo', { path: 'eksempel.innspill' });
  const defaults = await call(app, 'export.defaults');
  const stats = await call(app, 'stats.get');
  expect(stats.responses.current).toBeGreaterThan(100);

  await app.open();
  await expect(page.getByTestId('case-screen')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('tab-export').click();
  const view = page.getByTestId('export-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('export-dir')).toHaveText(path.join(app.projectsDir, 'Eksport'));

  // The memo is the default kind, prefilled from export.defaults; the appendix starts switched off.
  await expect(page.getByTestId('export-kind-docx')).toBeChecked();
  await expect(page.getByTestId('export-file-name')).toHaveValue(defaults.fileNames.docx);
  await expect(page.getByTestId('export-meta-caseNumber')).toHaveValue(defaults.metadata.caseNumber);
  const [y, m, d] = defaults.metadata.date.split('-');
  await expect(page.getByTestId('export-meta-date')).toHaveValue(`${d}.${m}.${y}`);
  expect(await sectionOrder(page)).toEqual(['summary', 'questions', 'findings', 'stations', 'charts', 'appendix']);
  const row = (id: string) => page.locator(`[data-testid="export-section"][data-section="${id}"]`);
  await expect(row('appendix').getByTestId('export-section-toggle')).not.toBeChecked();
  await expect(row('stations').getByTestId('export-section-toggle')).toBeChecked();

  // Switch the station candidates off; move the findings above the questions with the keyboard.
  await row('stations').getByTestId('export-section-toggle').uncheck();
  await expect(row('stations')).toHaveAttribute('data-on', 'false');
  await row('findings').getByTestId('export-section-up').focus();
  await page.keyboard.press('Enter');
  expect(await sectionOrder(page)).toEqual(['summary', 'findings', 'questions', 'stations', 'charts', 'appendix']);
  // The focus followed the section, so it can be moved again (and back) from the keyboard.
  await expect(row('findings').getByTestId('export-section-up')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(row('findings').getByTestId('export-section-down')).toBeFocused();

  // The heading block: a recipient, and a date typed the Norwegian way (a bad one blocks the export).
  await page.getByTestId('export-meta-to').fill('Statsråden');
  await page.getByTestId('export-meta-date').fill('31.11.2026');
  await expect(page.getByTestId('export-run')).toBeDisabled();
  await expect(view).toContainText('Skriv datoen som dd.mm.åååå');
  await page.getByTestId('export-meta-date').fill('01.12.2026');
  await expect(page.getByTestId('export-run')).toBeEnabled();

  await watchProgress(page);
  await page.getByTestId('export-run').click();
  const result = page.getByTestId('export-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toBeFocused();
  await expect(page.getByTestId('export-result-open')).toBeInViewport();
  const progress = await progressSeen(page);
  expect(progress.seen).toBe(true);
  expect(progress.values.length).toBeGreaterThan(0);
  expect(progress.values.every((v) => v > 0 && v <= 1)).toBe(true);

  const memoPath = path.join(app.projectsDir, 'Eksport', defaults.fileNames.docx);
  await expect(page.getByTestId('export-result-name')).toHaveText(defaults.fileNames.docx);
  await expect(page.getByTestId('export-result-path')).toHaveText(memoPath);
  await expect(page.getByTestId('export-result-size')).toContainText(/\d+(,\d)? (kB|MB)/);
  const answered = await call(app, 'responses.list', {});
  const municipalities = new Set(answered.filter((r) => r.municipality).map((r) => r.municipality!.number)).size;
  await expect(result.locator('[data-testid="export-result-municipalitiesAnswered"]')).toHaveText(String(municipalities));
  await expect(result).toContainText('Kommuner som har svart');

  // "Åpne filen" and "Vis i mappen" ask the operating system (recorded by the fixture).
  await page.getByTestId('export-result-open').click();
  await expect.poll(() => app.desktop.calls.length).toBe(1);
  await page.getByTestId('export-result-reveal').click();
  await expect.poll(() => app.desktop.calls.length).toBe(2);
  expect(app.desktop.calls).toEqual([
    { action: 'open', path: memoPath },
    { action: 'reveal', path: memoPath },
  ]);
  await expect(page.getByTestId('export-result-not-opened')).toHaveCount(0);

  // The file: the recipient and date in its heading block, the sections in the chosen order.
  const xml = await zipText(memoPath, 'word/document.xml');
  const text = docxParagraphs(xml);
  expect(text).toContain('Statsråden');
  expect(text).toContain('01.12.2026');
  const headings = docxHeadings(xml, 1);
  const findings = headings.indexOf('Funn fra DFØs evalueringer');
  const firstQuestion = headings.findIndex((h) => h.startsWith('Spørsmål 1:'));
  expect(headings[0]).toBe('Sammendrag');
  expect(findings).toBe(1);
  expect(firstQuestion).toBeGreaterThan(findings);
  expect(headings.filter((h) => h.startsWith('Spørsmål'))).toHaveLength(5);
  expect(headings.indexOf('Figurer')).toBeGreaterThan(firstQuestion);
  expect(headings).not.toContain('Kandidater for nye tjenestesteder');
  expect(headings).not.toContain('Vedlegg: alle svar');

  // The workbook, under a name typed without its extension.
  await page.getByTestId('export-kind-xlsx').check();
  await expect(page.getByTestId('export-result')).toHaveCount(0);
  await expect(page.getByTestId('export-workbook-options')).toBeVisible();
  await expect(page.getByTestId('export-file-name')).toHaveValue(defaults.fileNames.xlsx);
  // Only Oslo police district: none chosen blocks the export, one chosen narrows it.
  await page.getByTestId('export-districts-none').click();
  await expect(page.getByTestId('export-districts-error')).toBeVisible();
  await expect(page.getByTestId('export-run')).toBeDisabled();
  await page.locator('[data-testid="export-districts-option"][data-value="p01"]').check();
  await expect(page.getByTestId('export-districts-summary')).toHaveText('1 av 12 valgt');
  await expect(page.getByTestId('export-run')).toBeEnabled();
  // A folder that does not exist: the core's refusal is shown, and nothing is written.
  await page.getByTestId('export-file-name').fill(path.join('finnes-ikke', 'arbeidsbok'));
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-error')).toHaveAttribute('data-error-code', 'NOT_FOUND');
  await expect(page.getByTestId('export-error')).toContainText('finnes-ikke');
  await expect(page.getByTestId('export-result')).toHaveCount(0);
  await page.getByTestId('export-file-name').fill('arbeidsbok-e2e');
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-result-name')).toHaveText('arbeidsbok-e2e.xlsx', { timeout: 60_000 });
  await expect(page.getByTestId('export-error')).toHaveCount(0);
  const bookPath = path.join(app.projectsDir, 'Eksport', 'arbeidsbok-e2e.xlsx');
  await expect(page.getByTestId('export-result-path')).toHaveText(bookPath);
  const oslo = answered.filter((r) => r.municipality?.policeDistrictCode === 'p01');
  expect(oslo.length).toBeGreaterThan(0);
  await expect(result.locator('[data-testid="export-result-responses"]')).toHaveText(String(oslo.length));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(bookPath);
  expect(book.worksheets.map((w) => w.name)).toEqual(['Svar', 'Variabler', 'Koding', 'Kodematrise', 'Per politidistrikt', 'Funn', 'Ikke svart']);
  const svar = book.getWorksheet('Svar')!;
  expect(svar.actualRowCount).toBe(1 + oslo.length);
  const districtColumn = (svar.getRow(1).values as unknown[]).indexOf('Politidistrikt');
  for (let r = 2; r <= svar.actualRowCount; r++) expect(svar.getRow(r).getCell(districtColumn).value).toBe('Oslo');

  // A CSV table of the answers.
  await page.getByTestId('export-kind-csvSvar').check();
  await expect(page.getByTestId('export-file-name')).toHaveValue(defaults.fileNames.csvSvar);
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-result-name')).toHaveText(defaults.fileNames.csvSvar, { timeout: 30_000 });
  const csv = readFileSync(path.join(app.projectsDir, 'Eksport', defaults.fileNames.csvSvar), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.split('\r\n')[0]).toContain('Kommunenummer');
  // The suggested name is never overwritten: the same export again gets a name of its own.
  await page.getByTestId('export-run').click();
  const second = defaults.fileNames.csvSvar.replace(/\.csv$/, ' (2).csv');
  await expect(page.getByTestId('export-result-name')).toHaveText(second, { timeout: 30_000 });
  expect(readFileSync(path.join(app.projectsDir, 'Eksport', second), 'utf8')).toBe(csv);

  expectOnlyHostRequests(app);
});
