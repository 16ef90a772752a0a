// The Svar list in pages (#20): 250 responses, the count line counts them all
// while the table holds the first 100; «Vis flere» and scrolling to the end
// load the rest; the sort is the core's, Norwegian (æ, ø, å after z; "Forening
// 9" before "Forening 10").
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, expectOnlyHostRequests, test } from './fixtures';
import { call, tempDir } from './import-helpers';

let dir: string;
test.beforeEach(() => {
  dir = tempDir();
});
test.afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('the list loads page by page and sorts in Norwegian order', async ({ app, page }) => {
  const senders = [...Array.from({ length: 247 }, (_, i) => `Forening ${i + 1}`), 'Åsen lag', 'Zeta lag', 'Ærlig lag'];
  const csv = path.join(dir, 'mange.csv');
  writeFileSync(csv, ['Innsender;Mottatt;Spørsmål 1', ...senders.map((s) => `${s};30.05.2022;Svar fra ${s}.`)].join('\r\n') + '\r\n');
  await call(app, 'project.create', { path: 'mange.innspill' });
  await call(app, 'import.run', { paths: [csv] });
  await app.open();
  await page.getByTestId('tab-responses').click();

  await expect(page.getByTestId('responses-count')).toContainText('250 svar');
  await expect(page.getByTestId('responses-table')).toHaveAttribute('aria-rowcount', '251');
  const rows = page.getByTestId('response-row');
  await expect(rows.first().getByTestId('response-open')).toHaveText('Forening 1');
  await expect(rows.nth(1).getByTestId('response-open')).toHaveText('Forening 2');

  // «Vis flere», the keyboard's way to the next page.
  const more = page.getByTestId('responses-more');
  await expect(more).toHaveText('Vis flere (100 av 250 vist)');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveText('Vis flere (200 av 250 vist)');

  // Scrolling to the end loads the last page; the button goes.
  const scroller = page.locator('.table-scroll');
  await expect(async () => {
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(more).toHaveCount(0, { timeout: 1000 });
  }).toPass();
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator('[data-testid="response-row"]').last().getByTestId('response-open')).toHaveText('Åsen lag');
  await expect(page.locator('[data-testid="response-row"]').last()).toHaveAttribute('aria-rowindex', '251');

  // Descending: å, ø, æ, z first, then the numbers from the top.
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  // Sorted by name, ascending, already: one click turns it.
  await page.getByTestId('responses-sort-name').click();
  await expect(rows.first().getByTestId('response-open')).toHaveText('Åsen lag');
  await expect(rows.nth(1).getByTestId('response-open')).toHaveText('Ærlig lag');
  await expect(rows.nth(2).getByTestId('response-open')).toHaveText('Zeta lag');
  await expect(rows.nth(3).getByTestId('response-open')).toHaveText('Forening 247');
  await expect(page.getByTestId('responses-more')).toHaveText('Vis flere (100 av 250 vist)');
  expectOnlyHostRequests(app);
});
