// The scanned page beside the OCR text (#18): a scanned letter imported with
// OCR, opened in «Koding»; «Vis skannet side» shows the page drawn from the
// stored file beside the text, the words read with low confidence marked on
// it; the keyboard opens it, chooses a word (marking it alone) and closes it
// with Escape, the focus going back to the button. No request leaves the app.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, expectAccessible, expectOnlyHostRequests, test } from './fixtures';
import { call, tempDir } from './import-helpers';
import { scanPages } from '../helpers/scan-fixtures';

/** A letter whose text is known, scanned poorly (skewed, speckled), so some words are read with low confidence. */
const LETTER = [
  'Fauske kommune',
  'Dato: 12.03.2024',
  'Høringssvar om polititjenester',
  'Spørsmål 1: Utfordringer',
  'Kommunen ser økt kriminalitet blant unge og behov for bedre beredskap i Sulitjelma og Valnesfjord.',
  'Spørsmål 2: Tilfredshet',
  'Nei, vi er ikke tilfreds med bemanningen ved tjenestestedet (jf. sak 22/00535-14).',
  'Med vennlig hilsen',
  'Ordføreren i Fauske kommune',
];

test('the scanned page beside the OCR text, with the low-confidence words marked, by keyboard', async ({ app }) => {
  test.setTimeout(240_000);
  await call(app, 'project.create', { path: 'skann.innspill' });
  const dir = tempDir();
  try {
    const file = path.join(dir, 'fauske-skannet.png');
    writeFileSync(file, scanPages(LETTER, { dpi: 150, skew: 1.2, noise: 0.03, seed: 9 })[0]);
    const report = await call(app, 'import.run', { paths: [file] });
    expect(report.files.map((f) => f.status)).toEqual(['imported']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [response] = await call(app, 'responses.list', {});
  const reading = (await call(app, 'responses.get', { id: response.id })).ocr!;
  const placed = reading.review.filter((w) => w.page === 1 && w.box).length;
  expect(placed, 'the poor scan has words read with low confidence').toBeGreaterThan(0);

  const page = await app.open();
  await page.getByTestId('tab-coding').click();
  // The poor scan's letterhead may not be read; the response is the only one either way.
  await expect(page.getByTestId('coding-reading')).toHaveAttribute('data-response-id', response.id);
  const toggle = page.getByTestId('coding-ocr-page');
  await expect(toggle).toHaveText('Vis skannet side');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  // Opened from the keyboard.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByTestId('ocr-page');
  await expect(panel).toHaveAttribute('aria-label', 'Skannet side 1');
  const image = panel.getByTestId('ocr-page-image');
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1241);
  // Beside the text: the page's left edge is right of the text's.
  const textBox = (await page.locator('.cw-ocr-beside__text').boundingBox())!;
  const pageBox = (await panel.boundingBox())!;
  expect(pageBox.x).toBeGreaterThan(textBox.x + textBox.width - 1);
  // Every placed low-confidence word is marked; choosing one in the list marks it alone.
  const marks = panel.getByTestId('ocr-mark');
  await expect(marks).toHaveCount(placed);
  const words = panel.getByTestId('ocr-page-word');
  await expect(words).toHaveCount(reading.review.filter((w) => w.page === 1).length);
  await words.first().focus();
  await expect(words.first()).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.locator('[data-testid="ocr-mark"][data-active="true"]')).toHaveCount(1);
  await expectAccessible(page, 'the coding view with the scanned page open');

  // Escape closes it and the focus returns to the button.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expectOnlyHostRequests(app);
});
