// "Kart" end to end: after a search narrowed by police district, the map in
// "Analyse" colours the municipalities that answered, shows a municipality's
// facts on hover and focus, and opens its response on click.
import type { Page } from '@playwright/test';
import { expect, expectOnlyHostRequests, test } from './fixtures';
import { openCodingCase, responseIdOf } from './coding-helpers';
import { call } from './import-helpers';

/** A point on screen inside the municipality's polygon (its box's centre may be sea or a neighbour). */
async function pointIn(page: Page, number: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((n) => {
    const el = document.querySelector<SVGPathElement>(`[data-testid="map-municipality"][data-number="${n}"]`);
    if (!el) return null;
    const box = el.getBoundingClientRect();
    for (let i = 1; i < 20; i++) {
      for (let j = 1; j < 20; j++) {
        const x = box.left + (box.width * i) / 20;
        const y = box.top + (box.height * j) / 20;
        if (document.elementFromPoint(x, y) === el) return { x, y };
      }
    }
    return null;
  }, number);
  if (!point) throw new Error(`no point inside ${number}`);
  return point;
}

test('the map colours who answered, shows facts on hover and opens a response', async ({ app, page }) => {
  await openCodingCase(app);
  const bodo = await responseIdOf(app, 'Bodø');
  const list = await call(app, 'responses.list');
  const bodoDistrict = list.find((r) => r.municipality?.name === 'Bodø')!.municipality!.policeDistrictCode;
  // Bodø wants a new station (the first option of q5).
  const wants = (await call(app, 'variables.list')).find((v) => v.key === 'q5_wants_station')!;
  const yes = wants.options[0].value;
  await call(app, 'variables.set', { responseId: bodo, variableId: wants.id, value: yes });
  // Bodø wants the police by telephone and the internet (q4 is multiple choice).
  const channels = (await call(app, 'variables.list')).find((v) => v.key === 'q4_channels')!;
  await call(app, 'variables.set', { responseId: bodo, variableId: channels.id, value: ['telefon', 'internett'] });

  // Search, then narrow to Bodø's police district.
  await page.getByTestId('tab-search').click();
  await page.getByTestId('search-input').fill('avstand');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-total')).toHaveText('2 svar med treff');
  await page.getByTestId('search-district-filter').selectOption(bodoDistrict);
  await expect(page.getByTestId('search-total')).toHaveText('1 svar med treff');

  // Analyse → Kart: every municipality drawn, the three that answered coloured.
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-tab-map').click();
  // The map's chunk (the polygons, about 1 MB) loads on first use.
  await expect(page.getByTestId('analysis-map')).toBeVisible({ timeout: 30_000 });
  const shapes = page.getByTestId('map-municipality');
  await expect(shapes).toHaveCount(356);
  await expect(page.locator('[data-testid="map-municipality"][data-value="yes"]')).toHaveCount(3);
  await expect(page.getByTestId('map-legend-item').filter({ hasText: 'Har svart' }).getByTestId('map-legend-count')).toHaveText('3');
  await expect(page.getByTestId('analysis-map')).toContainText('© Kartverket');
  for (const n of ['1804', '3403', '5401']) {
    await expect(page.locator(`[data-testid="map-municipality"][data-number="${n}"]`)).toHaveAttribute('data-value', 'yes');
  }
  await expect(page.locator('[data-testid="map-municipality"][data-number="0301"]')).toHaveAttribute('data-value', 'no');
  if (process.env.MAP_SCREENSHOT) await page.getByTestId('analysis-map').screenshot({ path: process.env.MAP_SCREENSHOT });

  // The map is one tab stop; arrows move between neighbours, a letter by name.
  await expect(page.locator('[data-testid="map-municipality"][tabindex="0"]')).toHaveCount(1);
  await page.locator('[data-testid="map-municipality"][tabindex="0"]').focus();
  const focusedNumber = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.number ?? null);
  const first = await focusedNumber();
  await page.keyboard.press('ArrowRight');
  const next = await focusedNumber();
  expect(next).not.toBeNull();
  expect(next).not.toBe(first);
  await expect(page.locator('[data-testid="map-municipality"][tabindex="0"]')).toHaveAttribute('data-number', next!);
  for (let i = 0; i < 40 && (await focusedNumber()) !== '3403'; i++) await page.keyboard.press('h');
  expect(await focusedNumber()).toBe('3403');
  // Keyboard focus and hover show the tooltip with the municipality's facts.
  await expect(page.getByTestId('map-tooltip')).toContainText('Hamar');
  await expect(page.getByTestId('map-tooltip')).toContainText('Har svart');
  const bodoPoint = await pointIn(page, '1804');
  await page.mouse.move(bodoPoint.x, bodoPoint.y);
  await expect(page.getByTestId('map-tooltip')).toContainText('Bodø');
  await expect(page.getByTestId('map-tooltip')).toContainText('Politidistrikt');

  // The same content as a table.
  await page.getByTestId('map-table').locator('summary').click();
  await expect(page.getByTestId('map-table-row')).toHaveCount(356);
  await expect(page.locator('[data-testid="map-table-row"][data-number="1804"]')).toContainText('Har svart');
  await expect(page.locator('[data-testid="map-table-row"][data-number="0301"]')).toContainText('Har ikke svart');

  // Other layers: a single-choice variable, then a code; those who did not answer stay apart.
  const layers = page.getByTestId('map-layer');
  await layers.selectOption(`variable:${wants.id}`);
  const legendCount = (key: string) => page.locator(`[data-testid="map-legend-item"][data-key="${key}"] [data-testid="map-legend-count"]`);
  await expect(page.locator('[data-testid="map-municipality"][data-number="1804"]')).toHaveAttribute('data-value', yes);
  await expect(legendCount(yes)).toHaveText('1');
  await expect(legendCount('ikke_kodet')).toHaveText('2');
  await expect(legendCount('ikke_svart')).toHaveText('353');
  if (process.env.MAP_SCREENSHOT) await page.getByTestId('analysis-map').screenshot({ path: process.env.MAP_SCREENSHOT.replace(/\.png$/, '-variable.png') });
  // A multiple-choice variable is mapped one option at a time: chose it, chose others, not coded.
  await layers.selectOption(`option:${channels.id}=telefon`);
  await expect(page.locator('[data-testid="map-municipality"][data-number="1804"]')).toHaveAttribute('data-value', 'chosen');
  await expect(legendCount('chosen')).toHaveText('1');
  await expect(page.locator('[data-testid="map-legend-item"][data-key="chosen"]')).toContainText('Via telefon');
  await expect(legendCount('ikke_kodet')).toHaveText('2');
  await layers.selectOption(`option:${channels.id}=tjenestested`);
  await expect(page.locator('[data-testid="map-municipality"][data-number="1804"]')).toHaveAttribute('data-value', 'other');
  await expect(legendCount('other')).toHaveText('1');
  await expect(legendCount('chosen')).toHaveText('0');
  const code = await layers.locator('option[value^="code:"]').first().getAttribute('value');
  await layers.selectOption(code!);
  await expect(legendCount('ikke_kodet')).toHaveText('3');
  await layers.selectOption('answered');
  await expect(page.locator('[data-testid="map-municipality"][data-value="yes"]')).toHaveCount(3);

  // Click: Bodø's response opens.
  await page.mouse.move(bodoPoint.x, bodoPoint.y);
  await page.mouse.click(bodoPoint.x, bodoPoint.y);
  await expect(page.getByTestId('response-detail')).toHaveAttribute('data-id', bodo);

  expectOnlyHostRequests(app);
});
