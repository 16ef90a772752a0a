// «Sikkerhetskopier» clicked through: the snapshots listed (time dd.mm.åååå tt:mm,
// reason in Norwegian, counts, size), one taken now, one verified, one restored
// as a new file beside the original (which stays byte for byte as it was) and
// opened; the settings saved; and a damaged project offered its newest good
// snapshot on the start screen. axe checks the dialogs as well as the last screen.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, expectAccessible, test, type AppFixture } from './fixtures';
import { call, tempDir } from './import-helpers';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const DATE_TIME = /^\d\d\.\d\d\.\d{4} \d\d:\d\d$/;

/** A case with two responses imported (the import takes the first snapshot). */
async function caseWithResponses(app: AppFixture): Promise<string> {
  const project = await call(app, 'project.create', { path: 'sikkerhet.innspill' });
  const dir = tempDir();
  try {
    const file = path.join(dir, 'svar.csv');
    writeFileSync(
      file,
      'Kommunenr.;Kommune;Spørsmål 1\r\n1804;Bodø kommune;Rus blant unge er den største utfordringen.\r\n3403;Hamar kommune;Digital kriminalitet.\r\n',
      'utf8',
    );
    await call(app, 'import.run', { paths: [file] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return project.path;
}

test('Sikkerhetskopier: list, take, verify, restore as a new file and open it, settings', async ({ app }) => {
  const original = await caseWithResponses(app);
  const page = await app.open();
  await page.getByTestId('tab-backups').click();
  const rows = page.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('backup-reason')).toHaveText('Før import');
  await expect(rows.first().getByTestId('backup-responses')).toHaveText('0');
  await expect(page.getByTestId('backup-folder')).toContainText('Innspill-sikkerhetskopier');

  await page.getByTestId('backup-create').click();
  await expect(page.getByTestId('backup-created')).toBeVisible();
  await expect(rows).toHaveCount(2);
  // Newest first: the one just taken, holding both responses.
  const newest = rows.first();
  await expect(newest.getByTestId('backup-reason')).toHaveText('Tatt manuelt');
  await expect(newest.getByTestId('backup-responses')).toHaveText('2');
  await expect(newest.getByTestId('backup-codings')).toHaveText('0');
  expect(await newest.getByTestId('backup-time').textContent()).toMatch(DATE_TIME);
  await expect(newest.getByTestId('backup-size')).toHaveText(/^\d+(,\d)? (B|kB|MB)$/);

  await newest.getByTestId('backup-verify').click();
  await expect(newest.getByTestId('backup-check')).toHaveText('I orden');

  const before = sha(original);
  await newest.getByTestId('backup-restore').click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the restore dialog');
  await dialog.getByTestId('restore-confirm').click();
  const where = dialog.getByTestId('restore-path');
  await expect(where).toContainText('(gjenopprettet ');
  const restored = (await where.textContent())!.trim();
  expect(path.dirname(restored)).toBe(path.dirname(original));
  expect(existsSync(restored)).toBe(true);
  expect(sha(original)).toBe(before);
  // Written, not yet opened: the original is still the open case.
  expect((await call(app, 'project.current'))?.path).toBe(original);
  await expectAccessible(page, 'the restore dialog, done');

  await dialog.getByTestId('restore-open').click();
  await expect(page.getByTestId('restore-dialog')).toBeHidden();
  await expect.poll(async () => (await call(app, 'project.current'))?.path).toBe(restored);
  await expect(page.getByTestId('tab-responses-count')).toHaveText('2');

  // Settings: a bad number is refused in the form; a good one is stored.
  await page.getByTestId('tab-backups').click();
  await page.getByTestId('backup-settings-keepLast').fill('0');
  await page.getByTestId('backup-settings-save').click();
  await expect(page.getByTestId('backup-settings')).toContainText('Skriv et helt tall innenfor det tillatte.');
  await page.getByTestId('backup-settings-keepLast').fill('5');
  await page.getByTestId('backup-settings-save').click();
  await expect(page.getByTestId('backup-settings-saved')).toBeVisible();
  expect((await call(app, 'settings.get')).backup.keepLast).toBe(5);
});

test('a damaged project is offered its newest good snapshot, restored beside it and opened', async ({ app }) => {
  const original = await caseWithResponses(app);
  const snapshot = await call(app, 'backup.create');
  await call(app, 'project.close');
  const bytes = readFileSync(original);
  writeFileSync(original, Buffer.concat([Buffer.from('not a database at all, sorry...'), bytes.subarray(32)]));
  const damaged = sha(original);

  const page = await app.open();
  await page.getByTestId('project-list-item').filter({ hasText: 'sikkerhet' }).getByRole('button').click();
  const offer = page.getByTestId('damaged-offer');
  await expect(offer).toContainText('Tatt manuelt');
  await expect(offer).toContainText('2 svar, 0 kodinger');
  await expectAccessible(page, 'the damaged-project offer');
  await offer.getByTestId('damaged-restore').click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('restore-confirm').click();
  await expect(dialog.getByTestId('restore-path')).toContainText('(gjenopprettet ');
  await expectAccessible(page, 'the restore dialog for a damaged project');
  await dialog.getByTestId('restore-open').click();
  await expect(page.getByTestId('case-screen')).toBeVisible();
  const opened = await call(app, 'project.current');
  expect(opened?.path).not.toBe(original);
  expect(path.dirname(opened!.path)).toBe(path.dirname(original));
  expect((await call(app, 'stats.get')).responses.current).toBe(2);
  // The damaged file is left exactly as it was.
  expect(sha(original)).toBe(damaged);
  expect(snapshot.counts.responses).toBe(2);
});
