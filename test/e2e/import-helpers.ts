// Shared set-up for the import and response e2e tests: fixture files written
// to a temporary folder, a case opened through the core, and typed calls.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import type { MethodName, MethodResult } from '../../src-shared/contract';
import { expect, type AppFixture } from './fixtures';

/** Calls the core directly and returns the result (failing the test on an error). */
export async function call<M extends MethodName>(app: AppFixture, method: M, input: object = {}): Promise<MethodResult<M>> {
  const r = await app.core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.result as MethodResult<M>;
}

/** Creates a case from the 2022 letter through the core, then opens the UI on it. */
export async function openNewCase(app: AppFixture, name = 'e2e-import.innspill'): Promise<Page> {
  await call(app, 'project.create', { path: name });
  const page = await app.open();
  await expect(page.getByTestId('case-screen')).toBeVisible();
  return page;
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'innspill-e2e-files-'));
}

/**
 * A Windows-1252, semicolon-separated export as many case systems make it:
 * Norwegian letters, a quoted cell spanning two lines, an ambiguous
 * "Herøy kommune", a sender that is not a municipality and a column the
 * mapping cannot place ("Kommentar").
 */
export const WINDOWS_CSV = [
  'Kommune;Kommunenr.;Mottatt;Spørsmål 1;Spørsmål 2;Svar 3;Tilgjengelighet;Nytt tjenestested;Kommentar',
  'Bodø kommune;1804;12.05.2022;"Vi ser økende utfordringer\r\nmed rekruttering og beredskap på øyene.";Nei, vi er ikke fornøyd med bemanningen;Faste samarbeidsmøter;Lengre åpningstid;Nei;Vedlegg følger',
  'Herøy kommune;;20.05.2022;Utfordringer med lange avstander;Delvis fornøyd;Felles øvelser;Mer synlig politi;Ja, vi kan tilby lokaler i rådhuset;',
  'Tromsø kommune;5401;30.05.2022;Økende vold i nattelivet;Nei;Samlokalisering;Døgnåpent servicesenter;Nei;',
  'Foreningen for trygge lokalsamfunn;;01.06.2022;Generell bekymring for responstid;Nei;;;;',
].join('\r\n');

export function writeWindowsCsv(dir: string, name = 'svar-fra-sak.csv'): string {
  const file = path.join(dir, name);
  writeFileSync(file, iconv.encode(WINDOWS_CSV + '\r\n', 'win1252'));
  return file;
}

/** Bytes that are no CSV at all, with a .csv name. */
export function writeJunkCsv(dir: string, name = 'ødelagt.csv'): string {
  const file = path.join(dir, name);
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 73 + 19) % 256;
  writeFileSync(file, bytes);
  return file;
}

/** A letter in prose without question headings: it must be split by hand. */
export const PROSE_LETTER = [
  'Vadsø kommune',
  'Høringssvar – bedre polititjenester og beredskap',
  '',
  'Vi viser til brevet fra departementet. Kommunen opplever store utfordringer med lang responstid og få patruljer i distriktet.',
  '',
  'Kommunen er ikke fornøyd med bemanningsutviklingen i politiet de siste årene, og mener tjenestestedet bør styrkes.',
  '',
  'Vi ønsker tettere samarbeid gjennom politirådet.',
  '',
  'Med vennlig hilsen',
  'Ordføreren',
].join('\n');

export const PROSE_SATISFACTION = 'Kommunen er ikke fornøyd med bemanningsutviklingen i politiet de siste årene, og mener tjenestestedet bør styrkes.';

export function writeProseLetter(dir: string, name = 'Vadsø kommune.txt'): string {
  const file = path.join(dir, name);
  writeFileSync(file, PROSE_LETTER + '\n', 'utf8');
  return file;
}

/**
 * Selects `needle` inside the answer text element, the way a user's drag
 * would, and lets the page see the selection change.
 */
export async function selectText(page: Page, answerTextTestId: string, needle: string): Promise<void> {
  const found = await page.evaluate(
    ({ testId, text }) => {
      const el = [...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)].find((e) => (e.textContent ?? '').includes(text));
      const node = el?.firstChild;
      if (!el || !node) return false;
      const start = (el.textContent ?? '').indexOf(text);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    },
    { testId: answerTextTestId, text: needle },
  );
  expect(found, `text «${needle}» not found in any ${answerTextTestId}`).toBe(true);
}
