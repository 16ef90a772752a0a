// The demo: "Prøv med eksempeldata" makes a new case from the synthetic demo
// batch (under a free file name), opens it on its responses with a banner
// saying the data are synthetic, and "Ikke svart" counts the municipalities
// without a response per police district and county.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, expectOnlyHostRequests, test } from './fixtures';
import { call } from './import-helpers';

const demoDir = path.resolve(__dirname, '..', '..', 'resources', 'demo');

test('"Prøv med eksempeldata" loads the synthetic demo case; "Ikke svart" counts by police district', async ({ app, page }) => {
  const files = existsSync(demoDir) ? readdirSync(demoDir).filter((f) => !f.toLowerCase().endsWith('.md')) : [];
  expect(files.length, `no demo files in ${demoDir}: generate them (see scripts/make-demo-batch.ts) before running this test`).toBeGreaterThan(0);

  // The first name is taken, so the demo must pick the next free one.
  await call(app, 'project.create', { path: 'eksempel.innspill' });
  await call(app, 'project.close');

  await app.open();
  await expect(page.getByTestId('demo-panel')).toContainText('syntetiske');
  await page.getByTestId('demo-button').click();

  await expect(page.getByTestId('case-screen')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('demo-banner')).toContainText('Eksempeldata – syntetiske svar, ikke ekte høringssvar');
  await expect(page.getByTestId('case-title')).toContainText('Eksempelprosjekt');
  await expect(page.getByTestId('case-path')).toContainText('eksempel-2.innspill');
  await expect(page.getByTestId('responses-view')).toBeVisible();
  await expect(page.getByTestId('response-row').first()).toBeVisible();

  const stats = await call(app, 'stats.get');
  expect(stats.responses.current).toBeGreaterThan(100);
  await expect(page.getByTestId('tab-responses-count')).toHaveText(String(stats.responses.current));
  await expect(page.getByTestId('responses-count')).toContainText(`${stats.responses.current} svar fra`);

  // Where demo data are shown, their batch says they are synthetic.
  await page.getByTestId('response-open').first().click();
  await expect(page.getByTestId('provenance-batch')).toContainText('Eksempeldata (syntetisk)');
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('batch-label')).toHaveText('Eksempeldata (syntetisk) – ikke ekte høringssvar');

  // Who has not answered, per police district.
  const unanswered = await call(app, 'registry.unanswered');
  expect(unanswered.municipalities.length).toBeGreaterThan(0);
  await page.getByTestId('tab-unanswered').click();
  await expect(page.getByTestId('unanswered-total')).toContainText(`${unanswered.municipalities.length} av 356 kommuner har ikke svart`);
  const groups = page.getByTestId('unanswered-group');
  await expect(groups).toHaveCount(12);
  for (const g of unanswered.byPoliceDistrict) {
    await expect(page.locator(`[data-testid="unanswered-group"][data-key="${g.key}"]`).getByTestId('unanswered-group-line')).toHaveText(
      `${g.name}: ${g.unanswered} av ${g.total} har ikke svart`,
    );
  }
  await expect(page.getByTestId('unanswered-row')).toHaveCount(unanswered.municipalities.length);

  // Narrow to one district with missing municipalities.
  const missing = unanswered.byPoliceDistrict.find((g) => g.unanswered > 0)!;
  await page.locator(`[data-testid="unanswered-group"][data-key="${missing.key}"]`).getByTestId('unanswered-group-show').click();
  await expect(page.getByTestId('unanswered-row')).toHaveCount(missing.unanswered);

  // And per county.
  await page.getByTestId('unanswered-by-county').click();
  await expect(groups).toHaveCount(unanswered.byCounty.length);
  await expect(page.getByTestId('unanswered-row')).toHaveCount(unanswered.municipalities.length);
  expectOnlyHostRequests(app);
});
