// "Søk" end to end: an inflected word finds its other forms with the hits
// marked, a police district narrows the hits, a hit is coded from the result
// (its sentence by default, the span adjustable before confirming; the memo
// quotes a shorter coding with its sentence, the coded words in bold), the
// search survives a visit to another view, and a malformed query shows the
// core's INVALID_INPUT message.
import { readFileSync } from 'node:fs';
import { readBody } from '../helpers/docx-read';
import { unzipParts } from '../helpers/zip-entries';
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

  // Code the hit: by default its sentence, shown with the hit marked before confirming.
  const violence = await codeNamed(app, 'Vold i nære relasjoner');
  await page.getByTestId('search-code-hit').click();
  const sentence = 'Vold i nære relasjoner øker også, og lange avstander gir lang responstid.';
  await expect(page.getByTestId('search-code-span-sentence')).toBeChecked();
  await expect(page.getByTestId('search-code-preview')).toHaveText(sentence);
  await expect(page.getByTestId('search-code-preview').locator('mark')).toHaveText('avstander');
  await page.getByTestId('search-code-filter-input').fill('vold i nære');
  await expect(page.getByTestId('search-code-select')).toHaveValue(violence.id);
  await page.getByTestId('search-code-apply').click();
  await expect(page.getByTestId('search-notice')).toContainText('Vold i nære relasjoner');
  const q1 = ROWS[0][3];
  const at = q1.indexOf(sentence);
  await expect
    .poll(async () => (await workspace(app, bodo)).codings.map((c) => [c.codeId, c.start, c.end, c.quote]))
    .toEqual([[violence.id, at, at + sentence.length, sentence]]);

  // A malformed query shows the core's message.
  await page.getByTestId('search-input').fill('(avstand');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-error')).toHaveAttribute('data-error-code', 'INVALID_INPUT');

  expectOnlyHostRequests(app);
});

test('a search hit coded as the word alone is quoted in the memo with its sentence, the word in bold', async ({ app, page }) => {
  await openCodingCase(app);
  const bodo = await responseIdOf(app, 'Bodø');
  await page.getByTestId('tab-search').click();
  await page.getByTestId('search-input').fill('tjenestested');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-group-title').first()).toContainText('Bodø');

  // The span is adjustable before confirming: the paragraph, or the hit alone.
  const reason = await codeNamed(app, 'Begrunnelse for nytt tjenestested');
  await page.getByTestId('search-code-hit').first().click();
  await page.getByTestId('search-code-span-paragraph').check();
  await expect(page.getByTestId('search-code-preview')).toHaveText(ROWS[0][7]);
  await page.getByTestId('search-code-span-hit').check();
  await expect(page.getByTestId('search-code-preview')).toHaveText('tjenestested');
  await page.getByTestId('search-code-filter-input').fill('begrunnelse');
  await expect(page.getByTestId('search-code-select')).toHaveValue(reason.id);
  await page.getByTestId('search-code-apply').click();
  await expect(page.getByTestId('search-notice')).toContainText('Begrunnelse for nytt tjenestested');
  await expect.poll(async () => (await workspace(app, bodo)).codings.map((c) => c.quote)).toEqual(['tjenestested']);

  // The memo never quotes the fragment: the sentence, with the coded word in bold.
  const memo = await call(app, 'export.memo', {
    options: { metadata: { to: 'Statsråden', from: 'Politiavdelingen', date: '2026-11-27', caseNumber: '22/535', subject: 'Innspill' }, sections: ['questions'] },
  });
  const body = readBody((await unzipParts(readFileSync(memo.path))).get('word/document.xml')!);
  const quotes = body.paragraphs.filter((p) => p.style === 'Sitat');
  // (Under the code and under its parent «Nytt tjenestested».)
  expect(quotes.length).toBeGreaterThan(0);
  for (const q of quotes) {
    expect(q.text).toBe('«Ja, vi ønsker et nytt tjenestested og tilbyr lokaler i rådhuset.» – Bodø kommune, svar på spørsmål 5');
    expect(q.bold).toEqual(['tjenestested']);
  }
  expectOnlyHostRequests(app);
});
