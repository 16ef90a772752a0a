// The coding workspace end to end: a response coded entirely from the
// keyboard (marked text and a shortcut, Tab and the picker, a variable by its
// key, "ferdig" with d, undo and redo, j to the next response), the codebook
// (starter codebook, subcode, merge and delete with their confirmations), and
// the margin bars (overlapping codings side by side, removed with Delete).
import { expect, expectOnlyHostRequests, test } from './fixtures';
import { call } from './import-helpers';
import { codeNamed, openCodingCase, responseIdOf, ROWS, selectInPart, selectShowsWholeText, workspace } from './coding-helpers';

const undoKey = process.platform === 'darwin' ? 'Meta' : 'Control';

test('a response is coded entirely from the keyboard, with undo and redo', async ({ app, page }) => {
  await openCodingCase(app);
  const bodo = await responseIdOf(app, 'Bodø');
  const violence = await codeNamed(app, 'Vold i nære relasjoner');
  const closed = await codeNamed(app, 'Nedlagt eller sammenslått tjenestested');
  const satisfied = (await call(app, 'variables.list')).find((v) => v.key === 'q2_satisfied')!;
  await expect(page.getByTestId('coding-progress-text')).toHaveText('0 av 3 ferdig');
  // At 1366 px the status filter shows «Alle statuser» whole, not «Alle stat…».
  await page.setViewportSize({ width: 1366, height: 768 });
  const statusShown = await selectShowsWholeText(page.getByTestId('coding-filter-status'));
  expect(statusShown.whole, JSON.stringify(statusShown)).toBe(true);
  await page.setViewportSize({ width: 1400, height: 900 });

  // Mark words after an emoji (two UTF-16 units) and press the code's shortcut key.
  const words = 'Vold i nære relasjoner';
  await selectInPart(page, words);
  await expect(page.getByTestId('coding-selection-bar')).toContainText(`${words.length} tegn markert`);
  expect(violence.shortcut).toBe('2');
  await page.keyboard.press('2');
  // Said as a person would, and not over the words just coded.
  const toast = page.getByTestId('coding-toast');
  await expect(toast).toHaveText(`«Vold i nære relasjoner» er lagt på det markerte utdraget (${words.length} tegn).×`);
  await expect(page.locator('[data-testid="coding-part"][data-question="1"]').getByTestId('coding-highlight')).toHaveText(words);
  const [toastBox, codedBox] = [(await toast.boundingBox())!, (await page.locator('[data-testid="coding-part"][data-question="1"]').getByTestId('coding-highlight').boundingBox())!];
  const overlaps = toastBox.x < codedBox.x + codedBox.width && codedBox.x < toastBox.x + toastBox.width && toastBox.y < codedBox.y + codedBox.height && codedBox.y < toastBox.y + toastBox.height;
  expect(overlaps, JSON.stringify({ toastBox, codedBox })).toBe(false);
  const q1 = ROWS[0][3];
  await expect.poll(async () => (await workspace(app, bodo)).codings.map((c) => [c.codeId, c.start, c.end, c.quote])).toEqual([
    [violence.id, q1.indexOf(words), q1.indexOf(words) + words.length, words],
  ]);
  const q1Part = page.locator('[data-testid="coding-part"][data-question="1"]');
  await expect(q1Part.getByTestId('coding-bar')).toHaveCount(1);
  await expect(q1Part.getByTestId('coding-bar-label')).toHaveText('Vold i nære relasjoner');
  await expect(q1Part.getByTestId('coding-highlight')).toHaveText(words);

  // Escape drops the marking; Tab moves to the next answer part (question 2); c opens the picker.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('[data-testid="coding-part"][data-question="2"]')).toBeFocused();
  await page.keyboard.press('c');
  const picker = page.getByTestId('code-picker');
  await expect(picker).toBeVisible();
  await expect(picker.getByTestId('code-picker-subject')).toContainText('Hele svardelen');
  // Codes for other questions are left out.
  await expect(picker.locator(`[data-code-id="${violence.id}"]`)).toHaveCount(0);
  await expect(picker.getByTestId('code-picker-search')).toBeFocused();
  await page.keyboard.type('nedlagt');
  await expect(picker.getByTestId('code-picker-item')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  const q2 = ROWS[0][4];
  await expect
    .poll(async () => (await workspace(app, bodo)).codings.filter((c) => c.codeId === closed.id).map((c) => [c.start, c.end]))
    .toEqual([[0, q2.length]]);

  // Question 2's variable by its key, then the option's number: t 3 = «Nei».
  await page.keyboard.press('t');
  await expect(page.getByTestId('coding-armed')).toContainText('3 Nei');
  await page.keyboard.press('3');
  await expect.poll(async () => (await workspace(app, bodo)).values.map((v) => [v.variableId, v.value])).toEqual([[satisfied.id, 'nei']]);

  // d marks the response done.
  await page.keyboard.press('d');
  await expect.poll(async () => (await workspace(app, bodo)).response.status).toBe('ferdig');
  await expect(page.getByTestId('coding-status')).toHaveValue('ferdig');
  await expect(page.getByTestId('coding-progress-text')).toHaveText('1 av 3 ferdig');
  await expect(page.getByTestId('coding-undo')).toHaveText(/Angre: status endret/);

  // Ctrl+Z undoes the status change, Ctrl+Z again the variable; Ctrl+Shift+Z redoes the variable.
  await page.keyboard.press(`${undoKey}+z`);
  await expect(page.getByTestId('coding-toast')).toHaveText(/Angret: status endret/);
  await expect.poll(async () => (await workspace(app, bodo)).response.status).toBe('ikke_startet');
  await expect(page.getByTestId('coding-status')).toHaveValue('ikke_startet');
  await page.keyboard.press(`${undoKey}+z`);
  await expect(page.getByTestId('coding-toast')).toHaveText(/Angret: variabel satt/);
  await expect.poll(async () => (await workspace(app, bodo)).values).toEqual([]);
  await expect(page.locator('[data-testid="variable"][data-key="q2_satisfied"] input[value="nei"]')).toHaveCount(0); // panel not open: nothing to see
  await page.keyboard.press(`${undoKey}+Shift+z`);
  await expect(page.getByTestId('coding-toast')).toHaveText(/Gjort om: variabel satt/);
  await expect.poll(async () => (await workspace(app, bodo)).values.map((v) => v.value)).toEqual(['nei']);
  // The codings were not touched by any of it.
  expect((await workspace(app, bodo)).codings).toHaveLength(2);

  // j: the next response.
  await page.keyboard.press('j');
  await expect(page.getByTestId('coding-title')).toHaveText('Hamar');
  await expect(page.locator('[data-testid="coding-row"][aria-selected="true"]')).toContainText('Hamar');
  await page.keyboard.press('k');
  await expect(page.getByTestId('coding-title')).toHaveText('Bodø');
  expectOnlyHostRequests(app);
});

test('codebook: adopt the starter codebook, add a subcode, merge two codes, delete a code', async ({ app, page }) => {
  await openCodingCase(app, { starter: false });
  const panel = page.getByTestId('codebook-panel');
  await expect(panel.getByTestId('codebook-empty')).toBeVisible();
  await panel.getByTestId('codebook-adopt').click();
  const starter = await call(app, 'codebook.list');
  expect(starter.length).toBeGreaterThan(20);
  await expect(panel.getByTestId('codebook-node')).toHaveCount(starter.length);
  const node = (name: string) => panel.locator(`[data-testid="codebook-node"][data-name="${name}"]`);

  // A subcode under «Politiråd».
  await node('Politiråd').click();
  await panel.getByTestId('code-add-child').click();
  await panel.getByTestId('codebook-new-name').fill('Politiråd med ungdomsrepresentant');
  await panel.getByTestId('codebook-new-name').press('Enter');
  await expect(node('Politiråd med ungdomsrepresentant')).toBeVisible();
  const parent = await codeNamed(app, 'Politiråd');
  expect((await codeNamed(app, 'Politiråd med ungdomsrepresentant')).parentId).toBe(parent.id);

  // Merge «SLT-modellen» (with a coding) into «Politikontakt».
  const bodo = await workspace(app, await responseIdOf(app, 'Bodø'));
  const q3 = bodo.response.answers.find((a) => a.questionOrdinal === 3)!;
  const slt = await codeNamed(app, 'SLT-modellen');
  const contact = await codeNamed(app, 'Politikontakt');
  await call(app, 'codings.create', { answerId: q3.id, codeId: slt.id, start: q3.text.indexOf('SLT'), end: q3.text.indexOf('SLT') + 'SLT-modellen'.length });
  await expect(node('SLT-modellen').getByTestId('codebook-count')).toHaveText('1');
  await node('SLT-modellen').click();
  await panel.getByTestId('code-merge').click();
  const merge = page.getByTestId('merge-dialog');
  await expect(merge).toBeVisible();
  await merge.getByTestId('merge-target').selectOption({ label: 'Samarbeid og ressurser › Politikontakt' });
  await expect(merge.getByTestId('merge-summary')).toContainText('«SLT-modellen» slettes');
  await merge.getByTestId('merge-dialog-confirm').click();
  await expect(merge).toBeHidden();
  await expect(node('SLT-modellen')).toHaveCount(0);
  await expect(node('Politikontakt').getByTestId('codebook-count')).toHaveText('1');
  const afterMerge = await call(app, 'codebook.list');
  expect(afterMerge.some((c) => c.id === slt.id)).toBe(false);
  expect((await workspace(app, bodo.response.id)).codings.map((c) => c.codeId)).toEqual([contact.id]);

  // Delete «Samarbeid og ressurser»: the dialog shows what goes with it.
  const group = await codeNamed(app, 'Samarbeid og ressurser');
  const preview = await call(app, 'codebook.deletePreview', { id: group.id });
  expect(preview).toEqual({ codes: 7, codings: 1 }); // itself, five subcodes left after the merge, the new sub-subcode
  await node('Samarbeid og ressurser').click();
  await panel.getByTestId('code-delete').click();
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog.getByTestId('delete-counts')).toHaveText('Sletter 7 koder og 1 koding.');
  await dialog.getByTestId('delete-dialog-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(node('Samarbeid og ressurser')).toHaveCount(0);
  await expect(node('Politiråd')).toHaveCount(0);
  const remaining = await call(app, 'codebook.list');
  expect(remaining).toHaveLength(afterMerge.length - 7);
  expect((await workspace(app, bodo.response.id)).codings).toEqual([]);

  // Moved by keyboard-reachable buttons: «Digital kriminalitet» up one place.
  await node('Digital kriminalitet').click();
  await panel.getByTestId('code-move-up').click();
  await expect
    .poll(async () => {
      const codes = await call(app, 'codebook.list');
      const q1 = codes.find((c) => c.name === 'Utfordringer')!;
      return codes.filter((c) => c.parentId === q1.id).map((c) => c.name).slice(0, 3);
    })
    .toEqual(['Ungdomskriminalitet og rus', 'Digital kriminalitet', 'Vold i nære relasjoner']);
  expectOnlyHostRequests(app);
});

test('margin bars show overlapping codings side by side with their labels; Delete removes the chosen one', async ({ app, page }) => {
  const q1 = ROWS[0][3];
  const spans = {
    youth: [0, q1.indexOf('.') + 1],
    violence: [q1.indexOf('unge'), q1.indexOf('øker')],
    distance: [q1.indexOf('lange avstander'), q1.length - 1],
  };
  let ids: Record<keyof typeof spans, string> = { youth: '', violence: '', distance: '' };
  await openCodingCase(app, {
    prepare: async () => {
      const bodo = await workspace(app, await responseIdOf(app, 'Bodø'));
      const answerId = bodo.response.answers.find((a) => a.questionOrdinal === 1)!.id;
      const make = async (name: string, [start, end]: number[]) => (await call(app, 'codings.create', { answerId, codeId: (await codeNamed(app, name)).id, start, end })).id;
      ids = {
        youth: await make('Ungdomskriminalitet og rus', spans.youth),
        violence: await make('Vold i nære relasjoner', spans.violence),
        distance: await make('Lange avstander og responstid', spans.distance),
      };
    },
  });
  const bodo = await responseIdOf(app, 'Bodø');
  const part = page.locator('[data-testid="coding-part"][data-question="1"]');
  const bar = (id: string) => part.locator(`[data-testid="coding-bar"][data-coding-id="${id}"]`);
  await expect(part.getByTestId('coding-bar')).toHaveCount(3);
  await expect(part.getByTestId('coding-bar-label')).toHaveText(['Ungdomskriminalitet og rus', 'Vold i nære relasjoner', 'Lange avstander og responstid']);

  // The two overlapping codings get separate lanes; the third reuses the first lane.
  await expect(bar(ids.youth)).toHaveAttribute('data-lane', '0');
  await expect(bar(ids.violence)).toHaveAttribute('data-lane', '1');
  await expect(bar(ids.distance)).toHaveAttribute('data-lane', '0');
  const [youth, violence, distance] = await Promise.all([bar(ids.youth).boundingBox(), bar(ids.violence).boundingBox(), bar(ids.distance).boundingBox()]);
  expect(youth && violence && distance).toBeTruthy();
  expect(Math.abs(youth!.x - violence!.x)).toBeGreaterThanOrEqual(5); // side by side
  expect(violence!.y + violence!.height).toBeGreaterThan(youth!.y); // and overlapping vertically
  expect(distance!.x).toBe(youth!.x);
  expect(distance!.y).toBeGreaterThanOrEqual(youth!.y);
  // The shared text is highlighted by both.
  await expect(part.locator(`[data-testid="coding-highlight"][data-codings~="${ids.youth}"][data-codings~="${ids.violence}"]`).first()).toBeVisible();

  // Choose a coding by its bar; m marks it for the memo; Shift+→ widens its end, Alt+Shift+→ narrows its start.
  await bar(ids.distance).click();
  await expect(bar(ids.distance)).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId('coding-selected')).toContainText('Lange avstander og responstid');
  await page.keyboard.press('m');
  await expect.poll(async () => (await workspace(app, bodo)).codings.find((c) => c.id === ids.distance)?.useInMemo).toBe(true);
  await expect(part.getByTestId('coding-in-memo')).toHaveCount(1);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect
    .poll(async () => {
      const c = (await workspace(app, bodo)).codings.find((x) => x.id === ids.distance)!;
      return [c.start, c.end, c.quote];
    })
    .toEqual([spans.distance[0] + 1, q1.length, q1.slice(spans.distance[0] + 1)]);

  // Delete removes the chosen coding, only that one.
  await bar(ids.violence).click();
  await page.keyboard.press('Delete');
  await expect(part.getByTestId('coding-bar')).toHaveCount(2);
  await expect.poll(async () => (await workspace(app, bodo)).codings.map((c) => c.id).sort()).toEqual([ids.youth, ids.distance].sort());
  await expect(page.getByTestId('coding-undo')).toHaveText(/Angre: koding fjernet/);

  // The coding marked for the memo is listed under Notater in its sentence, its words marked: never a bare fragment.
  await page.getByTestId('side-tab-memos').click();
  const memoQuote = page.getByTestId('memo-quotes').getByTestId('memo-quote');
  await expect(memoQuote).toHaveText('«Vold i nære relasjoner øker også, og lange avstander gir lang responstid.»');
  await expect(memoQuote.getByTestId('quote-coded')).toHaveText(q1.slice(spans.distance[0] + 1));
  expectOnlyHostRequests(app);
});

test('whole parts, next uncoded part, marked text as evidence, a new code from the picker, a memo', async ({ app, page }) => {
  await openCodingCase(app);
  const bodo = await responseIdOf(app, 'Bodø');
  const youth = await codeNamed(app, 'Ungdomskriminalitet og rus');
  const part = (n: number) => page.locator(`[data-testid="coding-part"][data-question="${n}"]`);
  const answer = async (n: number) => (await workspace(app, bodo)).response.answers.find((a) => a.questionOrdinal === n)!;

  // The workspace opens on the first answer part; a shortcut without marked text codes the whole part.
  await expect(part(1)).toBeFocused();
  await page.keyboard.press('1');
  const q1 = await answer(1);
  await expect.poll(async () => (await workspace(app, bodo)).codings.map((c) => [c.answerId, c.codeId, c.start, c.end])).toEqual([[q1.id, youth.id, 0, q1.text.length]]);

  // n: the next answer part without codings.
  await page.keyboard.press('n');
  await expect(part(2)).toBeFocused();

  // Question 2 = «Nei», then the marked words as its evidence (t b).
  const words = 'ikke fornøyd med bemanningen';
  await selectInPart(page, words);
  await page.keyboard.press('t');
  await page.keyboard.press('3');
  await page.keyboard.press('t');
  await page.keyboard.press('b');
  const q2 = await answer(2);
  await expect
    .poll(async () => (await workspace(app, bodo)).values.map((v) => [v.value, v.evidence?.answerId, v.evidence?.start, v.evidence?.end, v.evidence?.quote]))
    .toEqual([['nei', q2.id, q2.text.indexOf(words), q2.text.indexOf(words) + words.length, words]]);
  await page.getByTestId('side-tab-variables').click();
  const variable = page.locator('[data-testid="variable"][data-key="q2_satisfied"]');
  await expect(variable.locator('input[value="nei"]')).toBeChecked();
  // The evidence is shown in its sentence, the marked words marked: never as a bare fragment.
  await expect(variable.getByTestId('variable-evidence')).toHaveText(`«Nei, vi er ${words} etter at lensmannskontoret ble lagt ned.»`);
  await expect(variable.getByTestId('variable-evidence').getByTestId('quote-coded')).toHaveText(words);
  await variable.getByTestId('variable-evidence').click();
  await expect(part(2).getByTestId('evidence-highlight')).toHaveText(words);

  // The picker makes a code that does not exist yet and codes the marked words with it.
  await selectInPart(page, words);
  await page.keyboard.press('c');
  await expect(page.getByTestId('code-picker-search')).toBeFocused();
  await page.keyboard.type('Misnøye med lensmannskontoret');
  await expect(page.getByTestId('code-picker-create')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await call(app, 'codebook.list')).some((c) => c.name === 'Misnøye med lensmannskontoret')).toBe(true);
  const created = await codeNamed(app, 'Misnøye med lensmannskontoret');
  await expect
    .poll(async () => (await workspace(app, bodo)).codings.filter((c) => c.codeId === created.id).map((c) => c.quote))
    .toEqual([words]);

  // A memo on the response, saved with Ctrl+Enter.
  await page.getByTestId('side-tab-memos').click();
  await page.getByTestId('memo-response-text').fill('Sterk misnøye med nedleggelsen.');
  await page.getByTestId('memo-response-text').press(`${undoKey}+Enter`);
  await expect.poll(async () => (await workspace(app, bodo)).memos.map((m) => [m.targetType, m.text])).toEqual([['response', 'Sterk misnøye med nedleggelsen.']]);
  await expect(page.getByTestId('memo-response')).toContainText('Lagret');

  // Back in the text, n goes on to question 3.
  await part(2).focus();
  await page.keyboard.press('n');
  await expect(part(3)).toBeFocused();
  expectOnlyHostRequests(app);
});
