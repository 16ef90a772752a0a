// Responses end to end: a prose letter flagged "needs splitting" and split by
// selecting its text in the detail view; a second answer from the same
// municipality becoming the current version with the old one kept and marked.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { expect, expectOnlyHostRequests, test } from './fixtures';
import { call, openNewCase, PROSE_SATISFACTION, selectText, tempDir, writeProseLetter, writeWindowsCsv } from './import-helpers';

let dir: string;
test.beforeEach(() => {
  dir = tempDir();
});
test.afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('a prose letter needs splitting; selected text is moved to question 2', async ({ app, page }) => {
  const letter = writeProseLetter(dir);
  await openNewCase(app);
  await page.getByTestId('tab-import').click();
  await page.getByTestId('import-file-input').setInputFiles(letter);
  const file = page.getByTestId('preview-file');
  await expect(file.getByTestId('file-format')).toHaveText('TXT');
  await expect(file.getByTestId('file-needs-splitting')).toContainText('1 brev');
  await expect(file.locator('[data-testid="file-warning"][data-code="NEEDS_SPLITTING"]')).toBeVisible();
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-report').getByTestId('report-file')).toHaveAttribute('data-status', 'imported');
  await page.getByTestId('import-show-responses').click();

  // Flagged in the list, and found by the "needs splitting" filter.
  const row = page.getByTestId('response-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('flag-needs-splitting')).toHaveText('Trenger oppdeling');
  await page.getByTestId('responses-needs-splitting').check();
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId('responses-count')).toContainText('filtrert');

  // The detail: all text unassigned, no question answered yet.
  await row.getByTestId('response-open').click();
  const detail = page.getByTestId('response-detail');
  await expect(detail.getByTestId('detail-title')).toHaveText('Vadsø');
  await expect(detail.getByTestId('flag-needs-splitting')).toBeVisible();
  const unassigned = detail.locator('[data-testid="answer-group"][data-question="none"]');
  await expect(unassigned.getByTestId('answer-part')).toHaveCount(1);
  await expect(detail.locator('[data-testid="answer-group"][data-question="2"]').getByTestId('answer-none')).toBeVisible();

  // Select a sentence and move it to question 2.
  await selectText(page, 'answer-text', PROSE_SATISFACTION);
  const bar = page.getByTestId('selection-bar');
  await expect(bar).toBeVisible();
  await expect(bar.getByTestId('selection-excerpt')).toContainText('Kommunen er ikke fornøyd');
  await expect(bar).toContainText(`${PROSE_SATISFACTION.length} tegn`);
  await bar.getByTestId('selection-target').selectOption({ label: 'Spørsmål 2 – Tilfredshet' });
  await bar.getByTestId('selection-move').click();
  await expect(page.getByTestId('selection-bar')).toHaveCount(0);

  const q2 = detail.locator('[data-testid="answer-group"][data-question="2"]');
  await expect(q2.getByTestId('answer-text')).toHaveText(PROSE_SATISFACTION);
  // The rest stays unassigned, before and after the moved sentence.
  await expect(unassigned.getByTestId('answer-part')).toHaveCount(2);

  const id = await detail.getAttribute('data-id');
  const stored = await call(app, 'responses.get', { id: id! });
  const moved = stored.answers.filter((a) => a.questionOrdinal === 2);
  expect(moved.map((a) => a.text)).toEqual([PROSE_SATISFACTION]);
  expect(stored.answered).toEqual([2]);
  expect(stored.answers.filter((a) => a.questionOrdinal === null).length).toBe(2);

  // "Select the whole text" is the keyboard way: move the closing part to question 3.
  const closing = unassigned.getByTestId('answer-part').filter({ hasText: 'Ordføreren' });
  await closing.getByTestId('answer-mark-whole').click();
  await page.getByTestId('selection-target').selectOption({ label: 'Spørsmål 3 – Samarbeid og ressurser' });
  await page.getByTestId('selection-move').click();
  await expect(detail.locator('[data-testid="answer-group"][data-question="3"]').getByTestId('answer-text')).toContainText('Ordføreren');
  expect((await call(app, 'responses.get', { id: id! })).answered).toEqual([2, 3]);
  expectOnlyHostRequests(app);
});

test('a later answer from the same municipality supersedes the earlier one, which stays viewable', async ({ app, page }) => {
  const first = writeWindowsCsv(dir);
  const second = path.join(dir, 'oppdatert-bodo.csv');
  writeFileSync(
    second,
    iconv.encode(
      'Kommune;Kommunenr.;Mottatt;Spørsmål 1;Spørsmål 2\r\nBodø kommune;1804;14.06.2022;Oppdatert: rekruttering er hovedutfordringen;Nei\r\n',
      'win1252',
    ),
  );
  await call(app, 'project.create', { path: 'versjoner.innspill' });
  await call(app, 'import.run', { paths: [first] });
  const page2 = await app.open();
  expect(page2).toBe(page);
  await page.getByTestId('tab-import').click();
  await page.getByTestId('import-file-input').setInputFiles(second);
  await expect(page.getByTestId('preview-file')).toHaveAttribute('data-status', 'ready');
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-report').getByTestId('report-file')).toHaveAttribute('data-status', 'imported');

  // Importing the same file again changes nothing.
  await page.getByTestId('import-again').click();
  await page.getByTestId('import-file-input').setInputFiles(second);
  await expect(page.getByTestId('preview-file')).toHaveAttribute('data-status', 'unchanged');
  await expect(page.getByTestId('import-run')).toBeDisabled();
  await page.getByTestId('import-cancel').click();

  await page.getByTestId('tab-responses').click();
  const bodo = page.locator('[data-testid="response-row"][data-municipality="1804"]');
  await expect(bodo).toHaveCount(1);
  await page.getByTestId('responses-include-superseded').check();
  await expect(bodo).toHaveCount(2);
  await expect(bodo.getByTestId('flag-superseded')).toHaveCount(1);

  await page.getByTestId('responses-include-superseded').uncheck();
  await expect(bodo).toHaveCount(1);
  await bodo.getByTestId('response-open').click();
  const detail = page.getByTestId('response-detail');
  await expect(detail.locator('[data-testid="answer-group"][data-question="1"]')).toContainText('Oppdatert: rekruttering');
  await expect(detail.getByTestId('detail-received')).toHaveText('14.06.2022');
  await expect(detail.getByTestId('version-item')).toHaveCount(2);
  await expect(page.getByTestId('superseded-banner')).toHaveCount(0);

  // The older version, clearly marked.
  await detail.locator('[data-testid="version-item"]:not([data-current])').getByTestId('version-open').click();
  await expect(page.getByTestId('superseded-banner')).toContainText('Erstattet');
  await expect(page.getByTestId('detail-received')).toHaveText('12.05.2022');
  await expect(page.getByTestId('response-detail').getByTestId('flag-superseded')).toBeVisible();
  await expect(page.getByTestId('answer-mark-whole')).toHaveCount(0); // read-only
  await page.getByTestId('superseded-show-current').click();
  await expect(page.getByTestId('detail-received')).toHaveText('14.06.2022');

  const stats = await call(app, 'stats.get');
  expect(stats.responses).toEqual({ current: 4, superseded: 1 });
  expectOnlyHostRequests(app);
});

test('a letter’s letterhead and signature are shown as such and not counted as text to distribute; an opinion before the first question is', async ({ app, page }) => {
  const letter = (who: string, preface: string[]) =>
    [
      `${who} kommune`,
      'Justis- og beredskapsdepartementet',
      'Postboks 8005 Dep',
      '0030 OSLO',
      'Deres ref.: 22/535',
      'Dato: 27.05.2022',
      '',
      'Svar på brev om bedre polititjenester og beredskap',
      '',
      ...preface,
      'Spørsmål 1',
      'Rus blant unge er den største utfordringen.',
      '',
      'Spørsmål 2',
      'Nei, bemanningen er for lav.',
      '',
      'Med vennlig hilsen',
      '',
      'Kari Nordmann',
      'ordfører',
      'Dokumentet er elektronisk godkjent og har derfor ingen signatur.',
    ].join('\n') + '\n';
  writeFileSync(path.join(dir, 'Bodø kommune.txt'), letter('Bodø', ['Vi viser til brev fra departementet. Kommunen takker for muligheten til å gi innspill.', '']), 'utf8');
  writeFileSync(path.join(dir, 'Hamar kommune.txt'), letter('Hamar', ['Kommunen mener politiet må bli mer synlig i hele regionen.', '']), 'utf8');
  await call(app, 'project.create', { path: 'brevhode.innspill' });
  await call(app, 'import.run', { paths: [path.join(dir, 'Bodø kommune.txt'), path.join(dir, 'Hamar kommune.txt')] });
  // One response (Hamar's) has text that may be an answer; Bodø's letterhead and signature wait for no one.
  expect((await call(app, 'stats.get')).answers.unassigned).toBe(1);
  await app.open();
  await expect(page.getByTestId('case-screen')).toBeVisible();
  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('overview-unassigned')).toContainText('1 svar har tekst som ikke er fordelt');

  const bodo = (await call(app, 'responses.list', {})).find((r) => r.municipality?.name === 'Bodø')!;
  expect(bodo.hasUnassigned).toBe(false);
  await page.getByTestId('tab-responses').click();
  await page.getByTestId('response-row').filter({ hasText: 'Bodø' }).getByTestId('response-open').click();
  const detail = page.getByTestId('response-detail');
  const unassigned = detail.locator('[data-testid="answer-group"][data-question="none"]');
  // Kept and shown, each part named for what it is, and no «Må fordeles».
  await expect(unassigned.getByTestId('answer-part')).toHaveCount(2);
  await expect(unassigned.getByTestId('letter-block')).toHaveCount(2);
  await expect(unassigned.locator('[data-testid="letter-block"][data-kind="letterhead"]')).toContainText('Brevhode');
  await expect(unassigned.locator('[data-testid="letter-block"][data-kind="signature"]')).toContainText('Hilsen og signatur');
  await expect(unassigned.getByTestId('answer-unassigned-tag')).toHaveCount(0);
  expectOnlyHostRequests(app);
});
