// A real batch through the import screen (#18): an e-mail's facts in the
// preview (sender, date sent, subject, the letter attachment and why, the kept
// attachment, the respondent's evidence), and a folder of mixed e-mails, saved
// response pages, a scanned letter and a README.md imported with the progress
// visible, stopped half-way, the report saying what went in and what did not,
// and «Importer resten» bringing in the rest.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, expectOnlyHostRequests, test } from './fixtures';
import { call, openNewCase, tempDir } from './import-helpers';
import { mailFixtures } from '../../scripts/make-mail-fixtures';
import { responsePage } from '../helpers/page-fixtures';
import { scanPages } from '../helpers/scan-fixtures';

let dir: string;
test.beforeEach(() => {
  dir = tempDir();
});
test.afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('the preview shows an e-mail: sender, date sent, subject, the letter attachment and why, the kept one, the evidence', async ({ app, page }) => {
  const fixtures = await mailFixtures();
  const file = path.join(dir, 'bodo-pdf-vedlegg.eml');
  writeFileSync(file, fixtures['bodo-pdf-vedlegg.eml']);
  await openNewCase(app);
  await page.getByTestId('tab-import').click();
  await page.getByTestId('import-file-input').setInputFiles(file);

  const card = page.getByTestId('preview-file');
  await expect(card).toHaveAttribute('data-status', 'ready');
  await expect(card.getByTestId('file-format')).toHaveText('EML');
  await expect(card.getByTestId('email-from')).toHaveText('Postmottak Bodø kommune <postmottak@bodo.kommune.no>');
  await expect(card.getByTestId('email-sent')).toHaveText('01.06.2022 14:32');
  await expect(card.getByTestId('email-subject')).toHaveText('Høringssvar - bedre polititjenester (22/535)');
  await expect(card.getByTestId('email-letter')).toHaveText('Høringssvar Bodø.pdf (deles i sakens spørsmål)');
  await expect(card.getByTestId('email-attachment')).toHaveText(['rådhuset.png (70 B; lagres ved svaret, importeres ikke som tekst)']);
  // Who it is from and on what evidence: the letterhead, the sender's address and the subject.
  const evidence = card.getByTestId('letter-sender-evidence');
  await expect(evidence).toContainText('brevhode: «Bodø kommune»');
  await expect(evidence).toContainText('postmottak@bodo.kommune.no');
  await expect(card.getByTestId('letter-date')).toContainText('01.06.2022');
  for (const q of ['1', '2', '3', '4', '5']) await expect(card.locator(`[data-testid="letter-split-part"][data-question="${q}"]`)).toHaveCount(1);

  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-report').getByTestId('report-file')).toHaveAttribute('data-status', 'imported');
  expect((await call(app, 'stats.get')).responses.current).toBe(1);
  expectOnlyHostRequests(app);
});

/** A short letter whose text is known, typeset and rasterised as a scan (one A4 page, 150 dpi: fast OCR). */
const SCAN = [
  'Fauske kommune',
  'Dato: 12.03.2024',
  'Høringssvar om polititjenester',
  'Spørsmål 1: Utfordringer',
  'Kommunen ser økt kriminalitet blant unge og behov for bedre beredskap.',
  'Med vennlig hilsen',
  'Ordføreren i Fauske kommune',
];

const MORE_PAGES = ['Harstad', 'Narvik', 'Vardø', 'Sortland', 'Vefsn', 'Rana', 'Alstahaug', 'Steigen', 'Lødingen', 'Vågan', 'Hadsel', 'Andøy', 'Senja', 'Balsfjord', 'Lyngen', 'Kvænangen', 'Nordkapp', 'Porsanger', 'Meløy', 'Gildeskål'];

function page2(sender: string, answer: string): string {
  return responsePage({
    sender,
    date: '14.03.2024',
    sections: [{ heading: 'Spørsmål 1: Hvordan vurderer kommunen dagens polititjeneste?', paragraphs: [answer] }],
    attachments: [{ name: 'Vedlegg til høringssvaret', file: 'vedlegg.pdf' }],
  });
}

test('a mixed folder: progress, stop half-way, the report, and «Importer resten»', async ({ app, page }) => {
  test.setTimeout(300_000);
  const mail = await mailFixtures();
  const folder = path.join(dir, 'innkomne');
  mkdirSync(folder);
  // Named so the order is known, the scan first: its OCR takes the seconds in which Avbryt is pressed.
  const files: Record<string, Buffer | string> = {
    'a-skannet-fauske.png': scanPages(SCAN, { dpi: 150, seed: 5 })[0],
    'b-bodo.eml': mail['bodo-pdf-vedlegg.eml'],
    'c-midt-telemark.eml': mail['midt-telemark-brødtekst.eml'],
    'd-saltdal.eml': mail['saltdal-html-inline.eml'],
    'e-tromso-videresendt.eml': mail['videresendt-tromso.eml'],
    'f-side-vadso.html': page2('Vadsø kommune', 'Vadsø ønsker flere patruljer på kveldstid.'),
    'g-side-alta.html': page2('Alta kommune', 'Alta ber om kortere responstid.'),
    // Twenty more pages, so files are still left when the stop lands even on a fast, quiet machine
    // (with seven small files the import could end before the stop reached the core).
    ...Object.fromEntries(
      MORE_PAGES.map((name, i) => [`h${String(i + 1).padStart(2, '0')}-side-${name.toLowerCase()}.html`, page2(`${name} kommune`, `${name} ønsker mer synlig politi.`)]),
    ),
    'README.md': '# Innkomne svar\n\nLastet ned fra arkivet.\n',
  };
  const total = Object.keys(files).length;
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(folder, name), bytes);
  await openNewCase(app);
  await page.getByTestId('tab-import').click();
  await page.getByTestId('import-folder-input').setInputFiles(folder);

  // The preview (the scan is read with OCR for it): every response file ready, the README said to be skipped and why.
  await expect(page.getByTestId('preview-file')).toHaveCount(total, { timeout: 120_000 });
  await expect(page.locator('[data-testid="preview-file"][data-status="ready"]')).toHaveCount(total - 1);
  const readme = page.locator('[data-testid="preview-file"][data-status="skipped"]');
  await expect(readme.getByTestId('preview-file-name')).toHaveText('innkomne/README.md');
  await expect(readme.getByTestId('file-reason')).not.toBeEmpty();

  // Progress names the file it is on; Avbryt, pressed as soon as it shows, stops after the current file.
  // A watcher in the page records every progress text and presses Avbryt the moment it appears
  // (the import of a few small files is over before a click from outside could land reliably).
  await page.evaluate(() => {
    const seen: string[] = [];
    const state = { seen, pressed: false };
    Object.assign(window, { progressWatch: state });
    new MutationObserver(() => {
      const panel = document.querySelector('[data-testid="import-progress"]');
      if (!panel) return;
      const text = panel.textContent ?? '';
      if (seen[seen.length - 1] !== text) seen.push(text);
      const button = panel.parentElement?.querySelector<HTMLButtonElement>('button[data-testid="import-cancel"]');
      // Pressed once the progress names a file, so the stop lands half-way, with files left behind it.
      if (button && !state.pressed && /fil \d+ av/.test(text)) {
        state.pressed = true;
        button.click();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 120_000 });
  const seen = await page.evaluate(() => (window as unknown as { progressWatch: { seen: string[] } }).progressWatch.seen);
  await expect(page.getByTestId('import-done'), seen.join(' | ')).toHaveAttribute('data-stopped', 'true');
  // The report: the files before the stop went in, the rest were not reached (and say so), the README was skipped.
  const rows = page.getByTestId('import-report').getByTestId('report-file');
  await expect(rows).toHaveCount(total);
  const statuses = Object.fromEntries(await Promise.all((await rows.all()).map(async (r) => [path.basename((await r.getAttribute('data-path')) ?? ''), await r.getAttribute('data-status')])));
  expect(statuses['README.md']).toBe('skipped');
  const order = Object.keys(files).filter((n) => n !== 'README.md');
  const imported = order.filter((n) => statuses[n] === 'imported');
  // The stop may land before the first file (nothing imported) or after a few: either way files are left.
  expect(imported.length, `stopped after ${imported.join(', ')}`).toBeLessThan(order.length);
  // Each file all or nothing, in order: imported ones first, then only «not reached».
  expect(order.map((n) => statuses[n])).toEqual([...imported.map(() => 'imported'), ...order.slice(imported.length).map(() => 'cancelled')]);
  const reasons = page.getByTestId('import-report').getByTestId('report-reason');
  await expect(reasons).toHaveCount(1 + order.length - imported.length);
  for (const reason of await reasons.all()) await expect(reason).not.toBeEmpty();
  expect((await call(app, 'stats.get')).responses.current).toBe(imported.length);
  // The progress named the file it was on, with the count of all files.
  expect(seen.some((text) => new RegExp(`fil \\d+ av ${total}innkomne/[a-h]`).test(text)), seen.join(' | ')).toBe(true);

  // The rest: the files not reached go in now.
  const left = order.length - imported.length;
  const rest = page.getByTestId('import-rest');
  await expect(rest).toContainText(String(left));
  await rest.click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('import-done')).not.toHaveAttribute('data-stopped', 'true');
  const second = page.getByTestId('import-report').getByTestId('report-file');
  await expect(second).toHaveCount(left);
  for (const row of await second.all()) await expect(row).toHaveAttribute('data-status', 'imported');
  expect((await call(app, 'stats.get')).responses.current).toBe(order.length);
  expectOnlyHostRequests(app);
});
