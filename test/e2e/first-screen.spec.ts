// The first screen end to end: create a project, see the case's questions and
// the municipality register — with every request going to the local host only.
import { expect, expectOnlyHostRequests, test } from './fixtures';

test('creates a project from the 2022 letter and shows its questions and register', async ({ app, page }) => {
  await app.open();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await page.getByTestId('file-name-input').fill('e2e-sak.innspill');
  await page.getByTestId('create-project-button').click();

  await expect(page.getByTestId('case-screen')).toBeVisible();
  await expect(page.getByTestId('case-title')).toHaveText('Brev til kommunene om bedre polititjenester og beredskap');
  await expect(page.getByTestId('case-number')).toContainText('22/535');
  await expect(page.getByTestId('case-deadline')).toContainText('01.06.2022');

  // Outside the overview the header is one line; its facts open from *Saksopplysninger*.
  const header = page.getByTestId('case-header');
  if ((await header.getAttribute('data-compact')) !== 'true') await page.getByTestId('tab-questions').click();
  await expect(header).toHaveAttribute('data-compact', 'true');
  expect((await header.boundingBox())!.height).toBeLessThan(90);
  await expect(page.getByTestId('case-deadline')).toBeHidden();
  await page.getByTestId('case-facts').locator('summary').click();
  await expect(page.getByTestId('case-deadline')).toBeVisible();
  await page.getByTestId('tab-overview').click();
  await expect(header).toHaveAttribute('data-compact', 'false');
  await expect(page.getByTestId('case-deadline')).toBeVisible();
  await page.getByTestId('tab-questions').click();

  const questions = page.getByTestId('question-item');
  await expect(questions).toHaveCount(5);
  await expect(questions.nth(4)).toContainText('Ønsker kommunen et nytt tjenestested i politiet?');
  await expect(questions.nth(3).getByTestId('question-option')).toHaveCount(5);

  await page.getByTestId('tab-municipalities').click();
  await expect(page.getByTestId('municipality-row')).toHaveCount(356);
  await page.getByTestId('municipality-search').fill('kautokeino');
  await expect(page.getByTestId('municipality-row')).toHaveCount(1);
  await expect(page.getByTestId('municipality-row')).toContainText('Guovdageaidnu');
  await page.getByTestId('municipality-search').fill('');
  await page.getByTestId('district-filter').selectOption('p01');
  await expect(page.getByTestId('municipality-row')).toHaveCount(3); // Oslo, Bærum, Asker

  await page.getByTestId('tab-districts').click();
  await expect(page.getByTestId('district-row')).toHaveCount(12);

  // The project really is on disk, through the same API the UI used.
  const stats = await app.core.dispatch('stats.get', {});
  expect(stats).toMatchObject({ ok: true, result: { questions: 5, municipalities: 356, policeDistricts: 12 } });
  expectOnlyHostRequests(app);
});

test('shows a clear error when the file already exists, and opens an existing project', async ({ app, page }) => {
  await app.core.dispatch('project.create', { path: 'finnes.innspill' });
  await app.core.dispatch('project.close', {});
  await app.open();
  await page.getByTestId('file-name-input').fill('finnes.innspill');
  await page.getByTestId('create-project-button').click();
  await expect(page.locator('[data-error-code="FILE_EXISTS"]')).toBeVisible();
  await page.getByTestId('open-existing-button').click();
  await expect(page.getByTestId('case-screen')).toBeVisible();
  expectOnlyHostRequests(app);
});

test('About lists the data sources with © Kartverket, and the UI switches to English', async ({ app, page }) => {
  await app.open();
  await page.getByTestId('about-button').click();
  await expect(page.getByTestId('about-dialog')).toContainText('© Kartverket');
  await expect(page.getByTestId('attribution-item')).toHaveCount(5);
  await page.getByTestId('about-close').click();

  await page.getByTestId('settings-button').click();
  await page.getByTestId('settings-locale').selectOption('en');
  await page.getByTestId('settings-save').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('create-project-button')).not.toHaveText('Opprett sak');
  expectOnlyHostRequests(app);
});

test('the host refuses requests without the session token', async ({ app, page }) => {
  const noToken = await page.request.get(`${app.host.url}/`);
  expect(noToken.status()).toBe(403);
  const api = await page.request.post(`${app.host.url}/api/invoke/app.info`, { data: {} });
  expect(api.status()).toBe(403);
  const wrong = await page.request.post(`${app.host.url}/api/invoke/app.info`, { data: {}, headers: { 'x-innspill-token': 'nope' } });
  expect(wrong.status()).toBe(403);
  const right = await page.request.post(`${app.host.url}/api/invoke/app.info`, { data: {}, headers: { 'x-innspill-token': app.host.token } });
  expect(right.status()).toBe(200);
});
