// Accessibility (WCAG 2.1 A/AA, the universal-design regulation): axe on every
// screen, tab and dialog a caseworker reaches, at 1366×768 (a common ministry
// laptop), in the demo case with codings so the analysis screens have content;
// focus goes back to the button that opened a dialog.
// Every other e2e test also runs axe on the screen it ends on (fixtures.ts).
import type { Page } from '@playwright/test';
import type { ViewId } from '../../src-renderer/src/components/case/caseContext';
import { expect, expectAccessible, test } from './fixtures';
import { openCodedDemo } from './coding-helpers';

const VIEWS: ViewId[] = [
  'overview',
  'responses',
  'unanswered',
  'import',
  'history',
  'questions',
  'municipalities',
  'districts',
  'findings',
  'coding',
  'search',
  'analysis',
  'agreement',
  'team',
  'export',
];
const ANALYSIS_TABS = ['matrix', 'cooccurrence', 'variables', 'map', 'stations', 'shared'];
const TEAM_TABS = ['assignments', 'packages', 'conflicts'];
const SIDE_TABS = ['codebook', 'variables', 'memos', 'history', 'findings'];

async function openView(page: Page, view: ViewId): Promise<void> {
  await page.getByTestId(`tab-${view}`).click();
  await expect(page.getByTestId(`panel-${view}`)).toBeVisible();
  // Let the view's queries settle: no loading indicator left on screen.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
}

test('the start screen and its dialogs pass axe, and focus returns to the button that opened a dialog', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open();
  await expect(page.getByTestId('demo-panel')).toBeVisible();
  await expectAccessible(page, 'start screen');

  await page.getByTestId('settings-button').click();
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
  await expectAccessible(page, 'settings dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings-dialog')).toBeHidden();
  await expect(page.getByTestId('settings-button')).toBeFocused();

  await page.getByTestId('about-button').click();
  await expect(page.getByTestId('about-dialog')).toBeVisible();
  await expectAccessible(page, 'about dialog');
  await page.getByTestId('about-close').click();
  await expect(page.getByTestId('about-dialog')).toBeHidden();
  await expect(page.getByTestId('about-button')).toBeFocused();
});

test('every view of a case passes axe at 1366×768', async ({ app, page }) => {
  test.setTimeout(600_000);
  await openCodedDemo(app, page);
  for (const view of VIEWS) {
    await openView(page, view);
    await expectAccessible(page, `case view "${view}"`);
  }
});

test('every tab of Analyse, Teamarbeid and the coding side column, the code picker and the key help pass axe', async ({ app, page }) => {
  test.setTimeout(900_000);
  await openCodedDemo(app, page);
  await openView(page, 'analysis');
  for (const tab of ANALYSIS_TABS) {
    await page.getByTestId(`analysis-tab-${tab}`).click();
    await expect(page.getByTestId(`analysis-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.locator('.tab-panel:not([hidden])').first()).not.toBeEmpty();
    await expectAccessible(page, `analysis tab "${tab}"`);
  }

  await openView(page, 'team');
  for (const tab of TEAM_TABS) {
    await page.getByTestId(`team-tab-${tab}`).click();
    await expect(page.getByTestId(`team-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await expectAccessible(page, `team tab "${tab}"`);
  }

  await openView(page, 'coding');
  await expect(page.getByTestId('coding-workspace')).toBeVisible();
  for (const tab of SIDE_TABS) {
    await page.getByTestId(`side-tab-${tab}`).click();
    await expect(page.getByTestId(`side-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await expectAccessible(page, `coding side tab "${tab}"`);
  }

  await page.getByTestId('coding-title').click();
  await page.keyboard.press('c');
  await expect(page.getByTestId('code-picker')).toBeVisible();
  await expectAccessible(page, 'code picker');
  await page.getByTestId('code-picker-search').fill('finnes ikke i kodeboka');
  await expectAccessible(page, 'code picker without matches');
  // Escape in a search field with text clears it first (Chromium's own behaviour); the next one closes.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('code-picker-search')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('code-picker')).toBeHidden();

  await page.getByTestId('coding-help-button').click();
  await expect(page.getByTestId('coding-help')).toBeVisible();
  await expectAccessible(page, 'keyboard help');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('coding-help-button')).toBeFocused();
});
