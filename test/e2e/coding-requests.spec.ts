// What one coding key press costs in round trips to the host: the request
// log between the key press and the settled view must hold exactly one write
// (codings.create) and at most one read (issue 14's target; it was 1 + 6).
import { INVOKE_PREFIX } from '../../src-shared/http-protocol';
import { expect, test } from './fixtures';
import { codeNamed, openCodingCase, selectInPart } from './coding-helpers';

/** Time for data.changed and any refetch it causes to arrive after the highlight shows. */
const SETTLE_MS = 1000;

test('a coding key press costs one write and at most one read', async ({ app, page }) => {
  await openCodingCase(app);
  const violence = await codeNamed(app, 'Vold i nære relasjoner');
  await expect(page.getByTestId('coding-progress-text')).toHaveText('0 av 3 ferdig');
  await page.waitForTimeout(SETTLE_MS);

  const calls: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith(INVOKE_PREFIX)) calls.push(pathname.slice(INVOKE_PREFIX.length));
  });

  const words = 'Vold i nære relasjoner';
  await selectInPart(page, words);
  await page.keyboard.press(violence.shortcut!);
  const q1Part = page.locator('[data-testid="coding-part"][data-question="1"]');
  await expect(q1Part.getByTestId('coding-highlight')).toHaveText(words);
  await page.waitForTimeout(SETTLE_MS);

  const writes = calls.filter((c) => c === 'codings.create');
  const reads = calls.filter((c) => c !== 'codings.create');
  console.log(`requests per coding key press: ${writes.length} write, ${reads.length} read (${reads.join(', ') || 'none'})`);
  expect(writes).toHaveLength(1);
  expect(reads.length, `reads: ${reads.join(', ')}`).toBeLessThanOrEqual(1);
  // The screen agrees with the store: the code's count and the coded words.
  await expect(q1Part.getByTestId('coding-bar-label')).toHaveText(words);
});
