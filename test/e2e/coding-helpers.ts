// Shared set-up for the coding workspace e2e tests: a case with a few
// municipalities' answers imported from a CSV, the "Koding" view opened, and
// text selected inside an answer part the way a user's drag would.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Code, WorkspaceResponse } from '../../src-shared/coding';
import { expect, type AppFixture } from './fixtures';
import { call, tempDir } from './import-helpers';

const HEADER = ['Kommunenr.', 'Kommune', 'Mottatt', 'Spørsmål 1', 'Spørsmål 2', 'Spørsmål 3', 'Spørsmål 4', 'Spørsmål 5'];

/** Bodø, Hamar and Tromsø answer (listed in that order); Bodø's first answer has an emoji before the coded words. */
export const ROWS = [
  [
    '1804',
    'Bodø kommune',
    '30.05.2022',
    'Rus blant unge 👮 er den største utfordringen. Vold i nære relasjoner øker også, og lange avstander gir lang responstid.',
    'Nei, vi er ikke fornøyd med bemanningen etter at lensmannskontoret ble lagt ned.',
    'Politirådet fungerer godt, og SLT-modellen er tatt i bruk.',
    'Via telefon og via internett.',
    'Ja, vi ønsker et nytt tjenestested og tilbyr lokaler i rådhuset.',
  ],
  ['3403', 'Hamar kommune', '31.05.2022', 'Digital kriminalitet og svindel mot eldre.', 'Delvis fornøyd.', 'Felles øvelser.', 'Via et tjenestested i politiet.', 'Nei.'],
  ['5401', 'Tromsø kommune', '01.06.2022', 'Lange avstander gir lang responstid.', 'Ja.', 'Politikontakt.', 'Via internett.', 'Uklart.'],
];

const quote = (f: string) => (/[";\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);

/** Creates the case through the core, imports the rows, optionally adopts the starter codebook, and opens "Koding". */
export async function openCodingCase(app: AppFixture, options: { starter?: boolean; prepare?: () => Promise<void> } = {}): Promise<Page> {
  await call(app, 'project.create', { path: 'koding.innspill' });
  const dir = tempDir();
  try {
    const file = path.join(dir, 'svar.csv');
    writeFileSync(file, [HEADER, ...ROWS].map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n', 'utf8');
    const report = await call(app, 'import.run', { paths: [file] });
    expect(report.files.map((f) => f.status)).toEqual(['imported']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (options.starter !== false) await call(app, 'codebook.adoptStarter');
  await options.prepare?.();
  const page = await app.open();
  await expect(page.getByTestId('case-screen')).toBeVisible();
  await page.getByTestId('tab-coding').click();
  await expect(page.getByTestId('coding-workspace')).toBeVisible();
  await expect(page.getByTestId('coding-title')).toHaveText('Bodø');
  return page;
}

export async function responseIdOf(app: AppFixture, municipality: string): Promise<string> {
  const list = await call(app, 'responses.list');
  const found = list.find((r) => r.municipality?.name === municipality);
  if (!found) throw new Error(`no response from ${municipality}`);
  return found.id;
}

export async function workspace(app: AppFixture, id: string): Promise<WorkspaceResponse> {
  return call(app, 'workspace.response', { id });
}

export async function codeNamed(app: AppFixture, name: string): Promise<Code> {
  const found = (await call(app, 'codebook.list')).find((c) => c.name === name);
  if (!found) throw new Error(`no code named ${name}`);
  return found;
}

/**
 * Selects `needle` inside the answer part whose text contains it, walking the
 * text nodes (highlights split the text into several), as a drag would.
 */
export async function selectInPart(page: Page, needle: string): Promise<void> {
  const ok = await page.evaluate((text) => {
    const el = [...document.querySelectorAll<HTMLElement>('[data-testid="coding-text"]')].find((e) => (e.textContent ?? '').includes(text));
    if (!el) return false;
    const start = (el.textContent ?? '').indexOf(text);
    const at = (offset: number): [Node, number] => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let rest = offset;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = (n as Text).length;
        if (rest <= len) return [n, rest];
        rest -= len;
      }
      throw new Error('offset outside the text');
    };
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(start + text.length));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }, needle);
  expect(ok, `«${needle}» not found in any answer part`).toBe(true);
}

/** The demo case, with 30 responses coded through the core so the matrix, co-occurrence and stations screens show tables. */
export async function openCodedDemo(app: AppFixture, page: Page, size = { width: 1366, height: 768 }): Promise<void> {
  await page.setViewportSize(size);
  await app.open();
  await page.getByTestId('demo-button').click();
  await expect(page.getByTestId('case-screen')).toBeVisible({ timeout: 60_000 });
  let codes = await call(app, 'codebook.list');
  if (codes.length === 0) {
    await call(app, 'codebook.adoptStarter');
    codes = await call(app, 'codebook.list');
  }
  const leaves = codes.filter((c) => !codes.some((o) => o.parentId === c.id));
  const responses = await call(app, 'responses.list');
  for (const [i, r] of responses.slice(0, 30).entries()) {
    const ws = await call(app, 'workspace.response', { id: r.id });
    const parts = ws.response.answers.filter((a) => a.questionOrdinal !== null && a.text.length > 0);
    for (const [j, part] of parts.slice(0, 2).entries()) {
      // A code scoped to a question codes only that question's answers.
      const fitting = leaves.filter((c) => !c.questionId || c.questionId === part.questionId);
      await call(app, 'codings.create', { answerId: part.id, codeId: fitting[(i + j) % fitting.length].id });
    }
  }
}

/** Whether a select shows its chosen option's text whole (text, padding and arrow within its width) — «Alle stat…» is not. */
export async function selectShowsWholeText(select: import('@playwright/test').Locator): Promise<{ whole: boolean; text: string; needed: number; width: number }> {
  return select.evaluate((el) => {
    const s = el as HTMLSelectElement;
    const style = getComputedStyle(s);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = s.selectedOptions[0]?.text ?? '';
    // The arrow takes at least the right padding's room; the text needs both paddings besides.
    const needed = context.measureText(text).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    return { whole: needed <= s.clientWidth, text, needed, width: s.clientWidth };
  });
}
