// The import wizard end to end: files in through the file input, the preview
// (encoding, delimiter, column mapping with confidence, matched municipalities),
// changing the mapping, refusing a broken file without touching the case, the
// import with its report, and settling an ambiguous "Herøy kommune".
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, expectOnlyHostRequests, test } from './fixtures';
import { call, openNewCase, tempDir, writeJunkCsv, writeProseLetter, writeWindowsCsv } from './import-helpers';

let dir: string;
test.beforeEach(() => {
  dir = tempDir();
});
test.afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('imports a Windows-1252 CSV through the wizard and resolves the ambiguous Herøy', async ({ app, page }) => {
  const csv = writeWindowsCsv(dir);
  await openNewCase(app);
  await page.getByTestId('tab-import').click();
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await expect(page.getByTestId('import-wizard')).toContainText('Hver fil importeres helt eller ikke i det hele tatt');
  await page.getByTestId('import-file-input').setInputFiles(csv);

  // Preview: what was detected.
  const file = page.getByTestId('preview-file');
  await expect(file).toHaveCount(1);
  await expect(file).toHaveAttribute('data-status', 'ready');
  await expect(file.getByTestId('preview-file-name')).toHaveText('svar-fra-sak.csv');
  await expect(file.getByTestId('file-encoding')).toHaveText('WINDOWS-1252');
  await expect(file.getByTestId('file-delimiter')).toContainText('semikolon');
  await expect(file.getByTestId('file-responses')).toHaveText('4');

  // The column mapping, with confidences and reasons.
  const row = (header: string) => file.locator(`[data-testid="mapping-row"][data-header="${header}"]`);
  await expect(file.getByTestId('mapping-row')).toHaveCount(9);
  await expect(row('Kommune').getByTestId('mapping-select')).toHaveValue('respondent');
  await expect(row('Kommune').getByTestId('mapping-confidence')).toHaveText('95 %');
  await expect(row('Kommunenr.').getByTestId('mapping-confidence')).toHaveText('100 %');
  await expect(row('Tilgjengelighet').getByTestId('mapping-select')).toHaveValue('question:4');
  await expect(row('Tilgjengelighet').getByTestId('mapping-confidence')).toHaveText('85 %');
  await expect(row('Tilgjengelighet').getByTestId('mapping-reason')).toContainText('kortnavnet til spørsmål 4');
  await expect(row('Kommentar').getByTestId('mapping-select')).toHaveValue('ignore');

  // Whom the responses are from: the ambiguous Herøy with both candidates.
  await expect(file.getByTestId('match-counts')).toContainText('2 funnet i kommuneregisteret, 1 flertydig, 1 ikke i registeret.');
  const ambiguous = file.locator('[data-testid="match-problem"][data-status="ambiguous"]');
  await expect(ambiguous).toContainText('Herøy kommune');
  await expect(ambiguous).toContainText('Herøy (Møre og Romsdal) 1515');
  await expect(ambiguous).toContainText('Herøy (Nordland) 1818');
  await expect(file.locator('[data-testid="match-problem"][data-status="unmatched"]')).toContainText('Foreningen for trygge lokalsamfunn');

  // Import, with the report.
  await page.getByTestId('import-label').fill('Svar fra saksarkivet');
  await page.getByTestId('import-run').click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('report-file')).toHaveAttribute('data-status', 'imported');
  await expect(report.getByTestId('report-file-responses')).toHaveText('4');
  await expect(report.getByTestId('report-file-respondents')).toHaveText('2 funnet, 1 flertydig, 1 ikke i registeret');

  // The responses list shows them.
  await page.getByTestId('import-show-responses').click();
  await expect(page.getByTestId('response-row')).toHaveCount(4);
  await expect(page.getByTestId('responses-count')).toContainText('4 svar fra 2 kommuner');
  await expect(page.getByTestId('tab-responses-count')).toHaveText('4');
  const heroy = page.locator('[data-testid="response-row"][data-match-status="ambiguous"]');
  await expect(heroy.getByTestId('flag-ambiguous')).toBeVisible();
  await expect(heroy.getByTestId('answered')).toHaveAttribute('data-answered', '1 2 3 4 5');

  // The multi-line cell arrived whole, line break included.
  await page.locator('[data-testid="response-row"][data-municipality="1804"]').getByTestId('response-open').click();
  const bodo = page.getByTestId('response-detail');
  await expect(bodo.getByTestId('detail-title')).toHaveText('Bodø');
  const q1 = bodo.locator('[data-testid="answer-group"][data-question="1"]').getByTestId('answer-text');
  expect(await q1.textContent()).toBe('Vi ser økende utfordringer\nmed rekruttering og beredskap på øyene.');
  await expect(bodo.getByTestId('provenance-file')).toHaveText('svar-fra-sak.csv');
  await expect(bodo.getByTestId('provenance-locator')).toHaveText('rad 2');
  await expect(bodo.getByTestId('provenance-batch')).toHaveText('Svar fra saksarkivet');
  await bodo.getByTestId('show-original').click();
  await expect(bodo.getByTestId('original-field').filter({ hasText: 'Kommentar' })).toContainText('Vedlegg følger');

  // Settle Herøy as Herøy in Nordland.
  expect((await call(app, 'stats.get')).respondents.ambiguous).toBe(1);
  await page.getByTestId('detail-back').click();
  await heroy.getByTestId('response-open').click();
  const panel = page.getByTestId('resolve-panel');
  await expect(panel).toHaveAttribute('data-status', 'ambiguous');
  await expect(panel.getByText('Herøy (Møre og Romsdal)')).toBeVisible();
  await panel.getByTestId('resolve-option-1818').check();
  await panel.getByTestId('resolve-save').click();
  await expect(page.getByTestId('resolve-panel')).toHaveCount(0);
  await expect(page.getByTestId('detail-municipality-number')).toHaveText('1818');
  await expect(page.getByTestId('detail-title')).toHaveText('Herøy');

  const stats = await call(app, 'stats.get');
  expect(stats.respondents.ambiguous).toBe(0);
  expect(stats.respondents.matched).toBe(3);
  expect(stats.responses.current).toBe(4);

  // The import log has the batch with its report.
  await page.getByTestId('tab-history').click();
  const batch = page.getByTestId('batch-item');
  await expect(batch).toHaveCount(1);
  await expect(batch.getByTestId('batch-label')).toHaveText('Svar fra saksarkivet');
  await expect(batch.getByTestId('batch-meta')).toContainText('E2E Saksbehandler');
  await expect(batch.getByTestId('batch-meta')).toHaveText(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} av E2E Saksbehandler$/);
  expectOnlyHostRequests(app);
});

test('a broken file is refused with its name and the reason, and nothing is written', async ({ app, page }) => {
  const junk = writeJunkCsv(dir);
  const good = writeWindowsCsv(dir);
  await openNewCase(app);
  const before = await call(app, 'stats.get');
  await page.getByTestId('tab-import').click();
  await page.getByTestId('import-file-input').setInputFiles([junk]);

  const file = page.getByTestId('preview-file');
  await expect(file).toHaveAttribute('data-status', 'rejected');
  const error = file.getByTestId('file-error');
  await expect(error).toContainText('ødelagt.csv ble avvist');
  await expect(error).toHaveAttribute('data-error-code', 'NOT_TEXT');
  await expect(error).toContainText('ikke en tekstfil');
  await expect(page.getByTestId('import-run')).toBeDisabled();

  // With a good file next to it, only the good one is imported.
  await page.getByTestId('import-file-input').setInputFiles([good]);
  await expect(page.getByTestId('preview-file')).toHaveCount(2);
  await expect(page.getByTestId('import-run')).toHaveText('Importer 1 fil');
  // Remove the good one again: the broken file alone imports nothing.
  await page.locator('[data-testid="preview-file"][data-status="ready"]').getByTestId('preview-file-remove').click();
  await expect(page.getByTestId('preview-file')).toHaveCount(1);
  await expect(page.getByTestId('import-run')).toBeDisabled();

  const after = await call(app, 'stats.get');
  expect(after).toEqual(before);
  expect(await call(app, 'import.batches')).toEqual([]);
  expectOnlyHostRequests(app);
});

test('changing a column in the preview updates the mapping and the preview; a preset can be saved and applied', async ({ app, page }) => {
  const csv = writeWindowsCsv(dir);
  await openNewCase(app);
  await page.getByTestId('tab-import').click();
  await page.getByTestId('import-file-input').setInputFiles(csv);
  const file = page.getByTestId('preview-file');
  const row = (header: string) => file.locator(`[data-testid="mapping-row"][data-header="${header}"]`);
  await expect(row('Kommentar').getByTestId('mapping-select')).toHaveValue('ignore');
  await expect(file.locator('[data-testid="file-warning"][data-code="COLUMN_IGNORED"]')).toHaveCount(1);

  // "Kommentar" now feeds question 5; "Nytt tjenestested" loses question 5 to it.
  await row('Kommentar').getByTestId('mapping-select').selectOption('question:5');
  await expect(row('Kommentar')).toHaveAttribute('data-field', 'question:5');
  await expect(row('Kommentar').getByTestId('mapping-confidence')).toHaveText('Valgt av deg');
  await expect(row('Nytt tjenestested')).toHaveAttribute('data-field', 'ignore');
  await expect(row('Nytt tjenestested').getByTestId('mapping-reason')).toContainText('dobbel');
  await expect(file.locator('[data-testid="file-warning"][data-code="COLUMN_IGNORED"]')).toContainText('Nytt tjenestested');

  // Save the set-up, reset to automatic, then apply the saved one.
  await page.getByTestId('preset-name').fill('Saksarkiv-eksport');
  await page.getByTestId('preset-save').click();
  await expect(page.getByTestId('preset-saved')).toContainText('Saksarkiv-eksport');
  const presets = await call(app, 'import.presets');
  expect(presets.map((p) => p.name)).toEqual(['Saksarkiv-eksport']);
  expect(presets[0].preset.columns['Kommentar']).toBe('question:5');

  await page.getByTestId('mapping-reset').click();
  await expect(row('Kommentar')).toHaveAttribute('data-field', 'ignore');
  await expect(row('Nytt tjenestested')).toHaveAttribute('data-field', 'question:5');
  await page.getByTestId('preset-select').selectOption({ label: 'Saksarkiv-eksport (9 kolonner)' });
  await page.getByTestId('preset-apply').click();
  await expect(row('Kommentar')).toHaveAttribute('data-field', 'question:5');

  // The import uses the changed mapping.
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-report').getByTestId('report-file')).toHaveAttribute('data-status', 'imported');
  const list = await call(app, 'responses.list', { query: 'Bodø' });
  const bodo = await call(app, 'responses.get', { id: list[0].id });
  expect(bodo.answers.find((a) => a.questionOrdinal === 5)?.text).toBe('Vedlegg følger');
  expectOnlyHostRequests(app);
});

test('a chosen folder keeps its structure, and files can be dropped on the drop zone', async ({ app, page }) => {
  const folder = path.join(dir, 'innkomne-svar');
  mkdirSync(path.join(folder, 'brev'), { recursive: true });
  writeWindowsCsv(folder, 'skjema.csv');
  writeProseLetter(path.join(folder, 'brev'));
  await openNewCase(app);
  await page.getByTestId('tab-import').click();

  await page.getByTestId('import-folder-input').setInputFiles(folder);
  const names = page.getByTestId('preview-file-name');
  await expect(names).toHaveCount(2);
  await expect(names).toHaveText(['innkomne-svar/brev/Vadsø kommune.txt', 'innkomne-svar/skjema.csv'], { useInnerText: true });
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-wizard')).toHaveAttribute('data-phase', 'pick');

  // A drop with one file.
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Kommune;Spørsmål 1\nBodø kommune;Svar fra Bodø\n'], 'sluppet.csv', { type: 'text/csv' }));
    return dt;
  });
  await page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(names).toHaveText(['sluppet.csv']);
  await expect(page.getByTestId('preview-file')).toHaveAttribute('data-status', 'ready');
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-report').getByTestId('report-file')).toHaveAttribute('data-status', 'imported');
  expect((await call(app, 'stats.get')).responses.current).toBe(1);
  expectOnlyHostRequests(app);
});
