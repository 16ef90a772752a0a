// Personal data in the UI: the marker «inneholder personopplysninger» with the
// kinds found in the response list, the response and the coding view, and the
// filter by kind in the response list and in search; «Skjul personopplysninger»
// in the export screen, on by default for the memo, with the files read back.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type AppFixture } from './fixtures';
import { call, tempDir } from './import-helpers';
import { docxParagraphs, zipText } from '../helpers/zip-entries';

/** Bodø's answer holds an identity number (valid check digits) and a phone number, Hamar's an e-mail address, Tromsø's nothing. */
export async function openPersonalCase(app: AppFixture): Promise<Page> {
  await call(app, 'project.create', { path: 'personvern.innspill' });
  const dir = tempDir();
  try {
    const file = path.join(dir, 'svar.csv');
    writeFileSync(
      file,
      [
        'Kommunenr.;Kommune;Spørsmål 1',
        '1804;Bodø kommune;Innbyggeren med fødselsnummer 01010750160 ringte oss på 912 34 567 om lang responstid.',
        '3403;Hamar kommune;Skriv til ola.nordmann@hamar.kommune.no om lang responstid.',
        '5401;Tromsø kommune;Lang responstid i distriktene.',
      ].join('\r\n') + '\r\n',
      'utf8',
    );
    await call(app, 'import.run', { paths: [file] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const page = await app.open();
  await expect(page.getByTestId('case-screen')).toBeVisible();
  return page;
}

test('the marker shows the kinds found; the response list and search filter by kind', async ({ app }) => {
  const page = await openPersonalCase(app);
  await page.getByTestId('tab-responses').click();
  const rows = page.getByTestId('response-row');
  await expect(rows).toHaveCount(3);
  const bodo = rows.filter({ hasText: 'Bodø' });
  await expect(bodo.getByTestId('flag-personal')).toHaveText('Inneholder personopplysninger: fødselsnummer, telefonnummer');
  await expect(rows.filter({ hasText: 'Hamar' }).getByTestId('flag-personal')).toHaveText('Inneholder personopplysninger: e-postadresse');
  await expect(rows.filter({ hasText: 'Tromsø' }).getByTestId('flag-personal')).toHaveCount(0);

  const filter = page.getByTestId('responses-personal-filter');
  await filter.selectOption('fodselsnummer');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Bodø');
  await filter.selectOption('any');
  await expect(rows).toHaveCount(2);
  await filter.selectOption('none');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Tromsø');
  await filter.selectOption('');
  await expect(rows).toHaveCount(3);

  // The response itself carries the marker.
  await bodo.getByTestId('response-open').click();
  await expect(page.getByTestId('flag-personal')).toHaveText('Inneholder personopplysninger: fødselsnummer, telefonnummer');

  // Search: "responstid" is in all three; only Hamar's has an e-mail address.
  await page.getByTestId('tab-search').click();
  await page.getByTestId('search-input').fill('responstid');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-group-title')).toHaveCount(3);
  await page.getByTestId('search-personal-filter').selectOption('epost');
  await expect(page.getByTestId('search-group-title')).toHaveCount(1);
  await expect(page.getByTestId('search-group-title')).toContainText('Hamar');
  await page.getByTestId('search-personal-filter').selectOption('none');
  await expect(page.getByTestId('search-group-title')).toHaveCount(1);
  await expect(page.getByTestId('search-group-title')).toContainText('Tromsø');

  // The coding view shows it on the response being coded.
  await page.getByTestId('tab-coding').click();
  await expect(page.getByTestId('coding-title')).toHaveText('Bodø');
  await expect(page.getByTestId('coding-reading').getByTestId('flag-personal')).toHaveText('Inneholder personopplysninger: fødselsnummer, telefonnummer');
});

test('Skjul personopplysninger: on by default for the memo, off for the workbook unless chosen; the files read back', async ({ app }) => {
  const page = await openPersonalCase(app);
  await page.getByTestId('tab-export').click();
  const mask = page.getByTestId('export-mask-personal');
  await expect(mask).toBeChecked();
  await expect(page.getByTestId('export-name-private-persons')).not.toBeChecked();
  // The appendix prints every answer in full.
  await page.locator('[data-testid="export-section"][data-section="appendix"]').getByTestId('export-section-toggle').check();
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 60_000 });
  const memo = (await page.getByTestId('export-result-path').textContent())!.trim();
  const text = docxParagraphs(await zipText(memo, 'word/document.xml')).join('\n');
  expect(text).toContain('Innbyggeren med fødselsnummer [fødselsnummer fjernet] ringte oss på [telefonnummer fjernet]');
  expect(text).not.toContain('01010750160');
  expect(text).not.toContain('ola.nordmann@hamar.kommune.no');

  // The CSV of the answers: off by default, the caseworker turns it on.
  await page.getByTestId('export-kind-csvSvar').check();
  await expect(mask).not.toBeChecked();
  await mask.check();
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 60_000 });
  const csv = readFileSync((await page.getByTestId('export-result-path').textContent())!.trim(), 'utf8');
  expect(csv).toContain('[e-postadresse fjernet]');
  expect(csv).not.toContain('01010750160');
  expect(csv).not.toContain('912 34 567');
});
