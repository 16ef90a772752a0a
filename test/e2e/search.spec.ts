// "Søk" end to end: an inflected word finds its other forms with the hits
// marked, a police district narrows the hits, a hit is coded from the result,
// the search survives a visit to another view, and a malformed query shows
// the core's INVALID_INPUT message.
import { expect, expectOnlyHostRequests, test } from './fixtures';
import { call } from './import-helpers';
import { codeNamed, openCodingCase, responseIdOf, ROWS, workspace } from './coding-helpers';

test('search finds inflections, filters by police district and codes a hit', async ({ app, page }) => {
  await openCodingCase(app);
  const bodo = await responseIdOf(app, 'Bodø');
  const list = await call(app, 'responses.list');
  const bodoDistrict = list.find((r) => r.municipality?.name === 'Bodø')!.municipality!.policeDistrictCode;

  await page.getByTestId('tab-search').click();
  await expect(page.getByTestId('search-view')).toBeVisible();

  // "avstand" finds "avstander" in Bodø's and Tromsø's first answers.
  await page.getByTestId('search-input').fill('avstand');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-total')).toHaveText('2 svar med treff');
  await expect(page.getByTestId('search-group-title')).toHaveCount(2);
  await expect(page.getByTestId('search-group-title').first()).toContainText('Bodø');
  await expect(page.getByTestId('search-mark').first()).toHaveText('avstander');

  // Only Bodø's police district.
  await page.getByTestId('search-district-filter').selectOption(bodoDistrict);
  await expect(page.getByTestId('search-total')).toHaveText('1 svar med treff');
  await expect(page.getByTestId('search-group-title')).toHaveCount(1);
  await expect(page.getByTestId('search-group-title')).toContainText('Bodø');

  // Away to another view and back: the query, the filter and the hits are still there.
  await page.getByTestId('tab-analysis').click();
  await expect(page.getByTestId('search-view')).toHaveCount(0);
  await page.getByTestId('tab-search').click();
  await expect(page.getByTestId('search-input')).toHaveValue('avstand');
  await expect(page.getByTestId('search-district-filter')).toHaveValue(bodoDistrict);
  await expect(page.getByTestId('search-total')).toHaveText('1 svar med treff');

  // Code the hit: the marked word is coded.
  const violence = await codeNamed(app, 'Vold i nære relasjoner');
  await page.getByTestId('search-code-hit').click();
  await page.getByTestId('search-code-filter-input').fill('vold i nære');
  await expect(page.getByTestId('search-code-select')).toHaveValue(violence.id);
  await page.getByTestId('search-code-apply').click();
  await expect(page.getByTestId('search-notice')).toContainText('Vold i nære relasjoner');
  const q1 = ROWS[0][3];
  const at = q1.indexOf('avstander');
  await expect
    .poll(async () => (await workspace(app, bodo)).codings.map((c) => [c.codeId, c.start, c.end, c.quote]))
    .toEqual([[violence.id, at, at + 'avstander'.length, 'avstander']]);

  // A malformed query shows the core's message.
  await page.getByTestId('search-input').fill('(avstand');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-error')).toHaveAttribute('data-error-code', 'INVALID_INPUT');

  expectOnlyHostRequests(app);
});
