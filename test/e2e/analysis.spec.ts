// "Analyse" end to end: the code × police district matrix counts the coded
// municipalities of a known fixture, and a cell opens the quotes behind it;
// shared text finds a joint statement (a near-copy with its difference
// marked) and codes the whole group.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, expectOnlyHostRequests, test } from './fixtures';
import { call, tempDir } from './import-helpers';
import { codeNamed, openCodedDemo, openCodingCase, responseIdOf, workspace } from './coding-helpers';

test('the matrix counts coded municipalities per police district and a cell opens its quotes', async ({ app, page }) => {
  await openCodingCase(app, {
    prepare: async () => {
      const violence = await codeNamed(app, 'Vold i nære relasjoner');
      for (const name of ['Bodø', 'Tromsø']) {
        const w = await workspace(app, await responseIdOf(app, name));
        const part = w.response.answers.find((a) => a.questionOrdinal === 1)!;
        const word = name === 'Bodø' ? 'Vold i nære relasjoner' : 'Lange avstander';
        const start = part.text.indexOf(word);
        await call(app, 'codings.create', { answerId: part.id, codeId: violence.id, start, end: start + word.length });
      }
    },
  });
  const violence = await codeNamed(app, 'Vold i nære relasjoner');
  const list = await call(app, 'responses.list');
  const districtOf = (name: string) => list.find((r) => r.municipality?.name === name)!.municipality!.policeDistrictCode;
  const [bodo, tromso] = [districtOf('Bodø'), districtOf('Tromsø')];
  expect(bodo).not.toBe(tromso);

  await page.getByTestId('tab-analysis').click();
  await expect(page.getByTestId('analysis-matrix')).toBeVisible();
  const row = page.locator(`[data-testid="matrix-row"][data-code-id="${violence.id}"]`);
  await expect(row.locator(`[data-testid="matrix-cell"][data-group="${bodo}"]`)).toHaveText('1');
  await expect(row.locator(`[data-testid="matrix-cell"][data-group="${tromso}"]`)).toHaveText('1');
  await expect(row.getByTestId('matrix-total')).toHaveText('2');
  // The code-frequency chart has a bar for the coded code.
  const frequencyBar = page.getByTestId('matrix-frequency-chart').locator(`[data-testid="bar"][data-key="${violence.id}"]`);
  await expect(frequencyBar).toHaveCount(1);
  await expect(frequencyBar).toContainText('Vold i nære relasjoner');

  await row.locator(`[data-testid="matrix-cell"][data-group="${bodo}"]`).click();
  const quotes = page.getByTestId('matrix-quotes');
  await expect(quotes.getByTestId('matrix-quote')).toHaveCount(1);
  await expect(quotes.getByTestId('matrix-quote')).toContainText('Bodø');
  await expect(quotes.getByTestId('matrix-quote')).toContainText('Vold i nære relasjoner');

  // Co-occurrence: the diagonal counts the two answers with the code.
  await page.getByTestId('analysis-tab-cooccurrence').click();
  const coocRow = page.locator(`[data-testid="cooc-row"][data-code-id="${violence.id}"]`);
  await expect(coocRow.locator('[data-testid="cooc-cell"][data-diagonal="true"]')).toHaveText('2');

  // The other tabs open.
  await page.getByTestId('analysis-tab-variables').click();
  await expect(page.getByTestId('analysis-variables')).toBeVisible();
  const satisfied = page.locator('[data-testid="analysis-variable"][data-key="q2_satisfied"]');
  await expect(satisfied.getByTestId('bar-chart')).toBeVisible();
  // Nobody is coded yet: the three respondents are "ikke kodet", the rest of the register has not answered.
  await expect(satisfied.locator('[data-testid="variable-row"][data-kind="ikke_kodet"] td').first()).toHaveText('3');
  const municipalities = (await call(app, 'registry.municipalities', {})).length;
  await expect(satisfied.locator('[data-testid="variable-row"][data-kind="ikke_svart"] td').first()).toHaveText(String(municipalities - 3));
  // Grouped by police district: a chart of the first option's share per district.
  await page.getByTestId('analysis-variables').getByTestId('analysis-groupby').selectOption('policeDistrict');
  await expect(satisfied.getByTestId('variable-district-bar-chart').locator(`[data-testid="bar"][data-key="${bodo}"]`)).toHaveCount(1);
  await page.getByTestId('analysis-tab-stations').click();
  await expect(page.getByTestId('analysis-stations').or(page.getByTestId('stations-unavailable'))).toBeVisible();
  if (await page.getByTestId('analysis-stations').isVisible()) {
    // Nothing is coded as wanting a station: the filters render and show "0 av 0".
    await expect(page.getByTestId('stations-filters')).toBeVisible();
    await expect(page.getByTestId('stations-filter-district')).toBeVisible();
    await expect(page.getByTestId('stations-filter-offers')).toBeVisible();
    await expect(page.getByTestId('stations-count')).toHaveText(/^(\d+) av \1 kandidater$/);
    await page.getByTestId('stations-filter-name').fill('zzz');
    await expect(page.getByTestId('stations-count')).toHaveText(/^0 av \d+ kandidater$/);
  }
  await page.getByTestId('analysis-tab-shared').click();
  await expect(page.getByTestId('analysis-shared')).toBeVisible();

  expectOnlyHostRequests(app);
});

test('shared text groups a joint statement, and the whole group is coded at once', async ({ app, page }) => {
  const joint =
    'Regionrådet mener at politiet må være til stede i hele regionen, med faste tjenestesteder og kjente politikontakter i hver kommune, og at responstiden må ned.';
  await call(app, 'project.create', { path: 'felles.innspill' });
  const dir = tempDir();
  try {
    const file = path.join(dir, 'felles.csv');
    const rows = [
      ['Kommunenr.', 'Kommune', 'Mottatt', 'Spørsmål 1'],
      ['5601', 'Alta kommune', '30.05.2022', joint],
      ['5607', 'Vadsø kommune', '30.05.2022', joint],
      // A near-copy: the same statement with two words more.
      ['5603', 'Hammerfest kommune', '31.05.2022', `${joint} Det haster.`],
      ['5401', 'Tromsø kommune', '01.06.2022', 'Lange avstander gir lang responstid.'],
    ];
    writeFileSync(file, rows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'utf8');
    const report = await call(app, 'import.run', { paths: [file] });
    expect(report.files.map((f) => f.status)).toEqual(['imported']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await call(app, 'codebook.adoptStarter');
  await app.open();
  await expect(page.getByTestId('case-screen')).toBeVisible();
  const violence = await codeNamed(app, 'Vold i nære relasjoner');
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-tab-shared').click();
  const group = page.getByTestId('shared-group');
  await expect(group).toHaveCount(1);
  await expect(group.getByTestId('shared-member')).toHaveCount(3);
  // The identical text once with its two senders, the near-copy apart with its difference marked.
  await expect(group.getByTestId('shared-text')).toHaveCount(2);
  await expect(group.getByTestId('shared-text').first().getByTestId('shared-member')).toHaveText(['Alta · Spørsmål 1', 'Vadsø · Spørsmål 1']);
  const near = group.getByTestId('shared-text').nth(1);
  await expect(near.getByTestId('shared-member')).toHaveText(['Hammerfest · Spørsmål 1']);
  await expect(near.getByTestId('shared-difference')).toHaveText('Avviker fra teksten over: 2 ord lagt til, 0 ord fjernet');
  await expect(near.getByTestId('shared-added')).toContainText('Det haster');
  await expect(near.getByTestId('shared-removed')).toHaveCount(0);
  await group.getByTestId('shared-code-select').selectOption(violence.id);
  await group.getByTestId('shared-code-group').click();
  await expect(group.getByRole('status')).toContainText('3 kodinger laget');
  for (const [name, text] of [['Alta', joint], ['Vadsø', joint], ['Hammerfest', `${joint} Det haster.`]]) {
    const w = await workspace(app, await responseIdOf(app, name));
    expect(w.codings.map((c) => [c.codeId, c.start, c.end])).toEqual([[violence.id, 0, text.length]]);
  }
  expectOnlyHostRequests(app);
});

test('at 1920×1080 the case uses the width, and the matrix keeps its header row and code column in view while it scrolls both ways', async ({ app, page }) => {
  test.setTimeout(180_000);
  await openCodedDemo(app, page, { width: 1920, height: 1080 });
  expect((await page.locator('main#main').boundingBox())!.width).toBeGreaterThan(1800);
  await page.getByTestId('tab-analysis').click();
  const matrix = page.getByTestId('analysis-matrix');
  await expect(matrix.locator('table')).toBeVisible();
  const region = matrix.getByRole('region');
  const corner = matrix.locator('thead th').first();
  // Scroll as far as the box goes, right and down: the corner cell stays at the box's top left.
  await region.evaluate((el) => el.scrollTo(el.scrollWidth, el.scrollHeight));
  const [box, cell] = [(await region.boundingBox())!, (await corner.boundingBox())!];
  expect(Math.abs(cell.x - box.x)).toBeLessThan(4);
  expect(Math.abs(cell.y - box.y)).toBeLessThan(4);
  const firstRowHeader = matrix.locator('tbody th').first();
  expect(Math.abs((await firstRowHeader.boundingBox())!.x - box.x)).toBeLessThan(4);
  expectOnlyHostRequests(app);
});
