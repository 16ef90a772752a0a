// REFI-QDA project exchange: "Hele prosjektet: REFI-QDA (.qdpx)" in
// "Eksporter" writes a .qdpx into the export folder (the result panel says
// where), and the same file picked with "Importer …" in the codebook panel
// brings a removed coding back, at the same span after an emoji.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipParts } from '../helpers/zip-entries';
import { expect, expectOnlyHostRequests, test } from './fixtures';
import { call } from './import-helpers';
import { codeNamed, openCodingCase, responseIdOf, ROWS, workspace } from './coding-helpers';

test('export the project as .qdpx from Eksporter and import it again from the codebook panel', async ({ app, page }) => {
  const words = 'Vold i nære relasjoner';
  const q1 = ROWS[0][3];
  await openCodingCase(app, {
    prepare: async () => {
      const bodo = await call(app, 'workspace.response', { id: await responseIdOf(app, 'Bodø') });
      const answer = bodo.response.answers.find((a) => a.questionOrdinal === 1)!;
      await call(app, 'codings.create', { answerId: answer.id, codeId: (await codeNamed(app, words)).id, start: q1.indexOf(words), end: q1.indexOf(words) + words.length });
    },
  });
  const bodo = await responseIdOf(app, 'Bodø');

  // The codebook's own menu keeps only the codebook's formats.
  await page.getByTestId('codebook-export').click();
  await expect(page.getByTestId('codebook-export-qdc')).toBeVisible();
  await expect(page.getByTestId('codebook-export-qdpx')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.getByTestId('tab-export').click();
  await page.getByTestId('export-kind-qdpx').check();
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-result-name')).toHaveText(/\.qdpx$/);
  const file = (await page.getByTestId('export-result-path').textContent())!;
  expect(path.dirname(file)).toBe(path.join(app.projectsDir, 'Eksport'));
  expect(existsSync(file)).toBe(true);
  const entries = await unzipParts(readFileSync(file));
  expect(entries.get('project.qde')!.toString('utf8')).toContain(`name="${words}"`);

  // Remove the coding, then import the file: it comes back where it was.
  const [coding] = (await workspace(app, bodo)).codings;
  await call(app, 'codings.delete', { id: coding.id });
  await page.getByTestId('tab-coding').click();
  const toast = page.getByTestId('coding-toast');
  await page.getByTestId('codebook-import-input').setInputFiles(file);
  await expect(toast).toContainText('REFI-QDA-prosjekt importert: 0 nye koder, 1 nye kodinger fra 3 av 3 kilder');
  await expect.poll(async () => (await workspace(app, bodo)).codings.map((c) => [c.start, c.end, c.quote])).toEqual([[q1.indexOf(words), q1.indexOf(words) + words.length, words]]);
  await expect(page.locator('[data-testid="coding-part"][data-question="1"]').getByTestId('coding-highlight')).toHaveText(words);
  await expect(toast).toContainText('Posisjonene er lest som Unicode-tegn (standarden)');

  // For NVivo: the same project with UTF-16 positions, from Eksporter too, and the origin says so.
  await page.getByTestId('tab-export').click();
  await page.getByTestId('export-kind-qdpxNvivo').check();
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-result-name')).toHaveText(/ - prosjekt-nvivo \d{4}-\d{2}-\d{2}\.qdpx$/);
  const nvivo = (await page.getByTestId('export-result-path').textContent())!;
  expect((await unzipParts(readFileSync(nvivo))).get('project.qde')!.toString('utf8')).toContain('(positions: UTF-16 code units, for NVivo)');
  expectOnlyHostRequests(app);
});
