// Shared passages end to end: a resolution pasted into three otherwise
// different letters shows once under *Felles tekst* with who had it first, and
// the passage group is coded at once — each letter's own span, one undo.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, expectOnlyHostRequests, test } from './fixtures';
import { call, tempDir } from './import-helpers';
import { codeNamed, responseIdOf, workspace } from './coding-helpers';

const RESOLUTION =
  'Kommunestyret krever at regjeringen trekker forslaget om ny skatt på vannkraft tilbake, og at kommunene som avgir arealer til kraftproduksjon får beholde en rimelig del av verdiskapingen lokalt';

test('a shared passage shows once with who was first, and its group is coded at once with one undo', async ({ app, page }) => {
  await call(app, 'project.create', { path: 'avsnitt.innspill' });
  const dir = tempDir();
  try {
    const file = path.join(dir, 'svar.csv');
    const rows = [
      ['Kommunenr.', 'Kommune', 'Mottatt', 'Spørsmål 1'],
      ['4640', 'Sogndal kommune', '14.03.2024', `Rassikring av fylkesveiene må prioriteres. ${RESOLUTION}. Skolestrukturen ble endret i fjor.`],
      ['4644', 'Luster kommune', '12.03.2024', `Turisttrafikken over fjellet har doblet seg. ${RESOLUTION}.`],
      ['4641', 'Aurland kommune', '15.03.2024', `${RESOLUTION}. Laksebestanden er under press fra regulering og rømt oppdrettsfisk.`],
      ['4643', 'Årdal kommune', '13.03.2024', 'Aluminiumsverket sysselsetter mange og trenger stabil strømpris.'],
    ];
    writeFileSync(file, rows.map((r) => r.map((c) => `"${c}"`).join(';')).join('\r\n') + '\r\n', 'utf8');
    const report = await call(app, 'import.run', { paths: [file] });
    expect(report.files.map((f) => f.status)).toEqual(['imported']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await call(app, 'codebook.adoptStarter');
  await app.open();
  await expect(page.getByTestId('case-screen')).toBeVisible();
  const code = await codeNamed(app, 'Vold i nære relasjoner');
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-tab-shared').click();
  const group = page.getByTestId('passage-group');
  await expect(group).toHaveCount(1);
  await expect(group.getByTestId('passage-text')).toHaveText(RESOLUTION);
  await expect(group.getByTestId('passage-member')).toHaveCount(3);
  await expect(group.getByTestId('passage-member').first()).toContainText('Luster');
  await expect(group.getByTestId('passage-member').first().getByTestId('passage-first')).toBeVisible();
  await group.getByTestId('passage-code-select').selectOption(code.id);
  await group.getByTestId('passage-code-group').click();
  await expect(group.getByRole('status')).toContainText('3 kodinger laget');
  for (const name of ['Sogndal', 'Luster', 'Aurland']) {
    const w = await workspace(app, await responseIdOf(app, name));
    const answer = w.response.answers.find((a) => a.questionOrdinal === 1)!;
    const start = answer.text.indexOf(RESOLUTION);
    expect(w.codings.map((c) => [c.codeId, c.start, c.end])).toEqual([[code.id, start, start + RESOLUTION.length]]);
  }
  // One undo takes all three.
  expect((await call(app, 'history.state')).undo?.action).toBe('coding.createPassageGroup');
  await call(app, 'history.undo');
  for (const name of ['Sogndal', 'Luster', 'Aurland']) expect((await workspace(app, await responseIdOf(app, name))).codings).toEqual([]);
  expectOnlyHostRequests(app);
});
