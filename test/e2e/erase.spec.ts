// «Slett besvarelse permanent» end to end: from a response's page, the dialog
// says what will be removed (counts from the core; the source file's fate,
// kept when other responses came from it), closes on Escape, keeps focus
// inside, refuses until the word is typed, and after the erasure the list no
// longer shows the response.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, type AppFixture } from './fixtures';
import { call, tempDir } from './import-helpers';

const HEADER = 'Kommunenr.;Kommune;Spørsmål 1;Spørsmål 2';

/** Three municipalities from one CSV, and a private person alone in a file of their own, with a coding and a memo. */
async function openCase(app: AppFixture): Promise<Page> {
  await call(app, 'project.create', { path: 'sletting.innspill' });
  const dir = tempDir();
  try {
    const shared = path.join(dir, 'kommunene.csv');
    writeFileSync(shared, [HEADER, '1804;Bodø kommune;Lang responstid.;Nei.', '3403;Hamar kommune;Svindel mot eldre.;Ja.', '5401;Tromsø kommune;Lange avstander.;Nei.'].join('\r\n') + '\r\n');
    const own = path.join(dir, 'privat.csv');
    writeFileSync(own, [HEADER, ';Gudbrand Xyzzysen;Jeg er bekymret for Quokkaflokken.;Nei.'].join('\r\n') + '\r\n');
    await call(app, 'import.run', { paths: [shared, own] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const gudbrand = (await call(app, 'responses.list', {})).find((r) => r.respondentName === 'Gudbrand Xyzzysen')!;
  const detail = await call(app, 'responses.get', { id: gudbrand.id });
  const code = await call(app, 'codebook.create', { name: 'Bekymring' });
  await call(app, 'codings.create', { answerId: detail.answers[0].id, codeId: code.id });
  await call(app, 'memos.set', { targetType: 'response', targetId: gudbrand.id, text: 'Ring tilbake.' });
  const page = await app.open();
  await expect(page.getByTestId('case-screen')).toBeVisible();
  await page.getByTestId('tab-responses').click();
  return page;
}

async function openResponse(page: Page, name: string): Promise<void> {
  await page.getByTestId('response-row').filter({ hasText: name }).getByTestId('response-open').click();
  await expect(page.getByTestId('response-detail')).toBeVisible();
}

test('the dialog says what goes, needs the word typed, and the list loses the response', async ({ app }) => {
  const page = await openCase(app);
  await expect(page.getByTestId('response-row')).toHaveCount(4);
  await openResponse(page, 'Gudbrand Xyzzysen');

  await page.getByTestId('erase-open').click();
  const dialog = page.getByRole('dialog', { name: 'Slett besvarelse permanent' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('erase-plan-text')).toContainText('2 svardeler');
  await expect(dialog.getByTestId('erase-plan-codings')).toHaveText('1 koding');
  await expect(dialog.getByTestId('erase-plan-values')).toHaveText('0 variabelverdier');
  await expect(dialog.getByTestId('erase-plan-memos')).toHaveText('1 notat');
  await expect(dialog.getByTestId('erase-plan-file')).toHaveText(/^kildefilen .*privat\.csv$/);
  await expectAccessible(page, 'the erasure dialog');

  // Escape closes it and nothing is erased.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('detail-title')).toHaveText('Gudbrand Xyzzysen');

  // By keyboard: the focus stays in the dialog, the word is typed into its labelled field.
  await page.getByTestId('erase-open').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByTestId('erase-dialog-confirm');
  await expect(confirm).toBeDisabled();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  const field = dialog.getByLabel('Skriv SLETT for å bekrefte');
  await field.fill('slet');
  await expect(confirm).toBeDisabled();
  await field.fill('slett');
  await expect(confirm).toBeEnabled();
  await dialog.getByTestId('erase-with-respondent').check();
  await expect(dialog.getByTestId('erase-plan-respondent')).toHaveText('innsenderen Gudbrand Xyzzysen');
  await confirm.click();

  // Back in the list, without the response; the core agrees.
  await expect(page.getByTestId('response-row')).toHaveCount(3);
  await expect(page.getByTestId('response-row').filter({ hasText: 'Gudbrand' })).toHaveCount(0);
  const left = await call(app, 'responses.list', {});
  expect(left.map((r) => r.respondentName).sort()).toEqual(['Bodø kommune', 'Hamar kommune', 'Tromsø kommune']);
});

test('a response from a shared file: the dialog says the file stays', async ({ app }) => {
  const page = await openCase(app);
  await openResponse(page, 'Hamar');
  await page.getByTestId('erase-open').click();
  const dialog = page.getByRole('dialog', { name: 'Slett besvarelse permanent' });
  await expect(dialog.getByTestId('erase-plan-file')).toContainText('ikke kildefilen');
  await expect(dialog.getByTestId('erase-plan-file')).toContainText('2 andre besvarelser kom fra den');
  await dialog.getByLabel('Skriv SLETT for å bekrefte').fill('SLETT');
  await dialog.getByTestId('erase-dialog-confirm').click();
  await expect(page.getByTestId('response-row')).toHaveCount(3);
  const bodo = (await call(app, 'responses.list', {})).find((r) => r.respondentName === 'Bodø kommune')!;
  expect((await call(app, 'responses.original', { id: bodo.id })).fileName).toMatch(/kommunene\.csv$/);
});
