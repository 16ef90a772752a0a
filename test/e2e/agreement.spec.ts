// "Samsvar" end to end: two caseworkers, Kari and Ola, code the same three
// responses (their changes are written through the core under their names);
// the lead picks them as coders, reads the agreement per code and variable in
// Norwegian number format, opens the disagreements on a code side by side,
// resolves one, and sees the decision recorded and the figures unchanged.
//
// Units: Bodø, Hamar and Tromsø's five answers each = 15.
//   Rus:  Kari Bodø q1, Tromsø q1; Ola Bodø q1, Hamar q1 → both 1, only Kari 1,
//         only Ola 1, neither 12: 86,7 %, kappa 22/52 = 0,42, alpha 92/208 = 0,44
//   q2:   Bodø nei/delvis, Hamar delvis/delvis, Tromsø ja/ja → 66,7 %, kappa 0,50
import { E2E_AUTHOR, expect, expectOnlyHostRequests, test, type AppFixture } from './fixtures';
import { call } from './import-helpers';
import { codeNamed, openCodingCase, responseIdOf, workspace } from './coding-helpers';

/** Runs `work` with the core writing as `name` (the user name in settings, as on a caseworker's own laptop). */
async function as(app: AppFixture, name: string, work: () => Promise<void>): Promise<void> {
  await call(app, 'settings.update', { userName: name });
  try {
    await work();
  } finally {
    await call(app, 'settings.update', { userName: E2E_AUTHOR });
  }
}

async function codeAnswer(app: AppFixture, municipality: string, question: number, codeId: string, part?: string) {
  const w = await workspace(app, await responseIdOf(app, municipality));
  const answer = w.response.answers.find((a) => a.questionOrdinal === question)!;
  const start = part ? answer.text.indexOf(part) : undefined;
  return call(app, 'codings.create', { answerId: answer.id, codeId, ...(part ? { start, end: start! + part.length } : {}) });
}

test('the agreement view compares two coders and records the resolution of a disagreement', async ({ app, page }) => {
  let q2 = '';
  await openCodingCase(app, {
    starter: false,
    prepare: async () => {
      const rus = await call(app, 'codebook.create', { name: 'Rus' });
      q2 = (await call(app, 'variables.list')).find((v) => v.key === 'q2_satisfied')!.id;
      const set = async (municipality: string, ...values: string[]) => {
        for (const value of values) await call(app, 'variables.set', { responseId: await responseIdOf(app, municipality), variableId: q2, value });
      };
      await as(app, 'Kari', async () => {
        await codeAnswer(app, 'Bodø', 1, rus.id, 'Rus blant unge');
        await codeAnswer(app, 'Tromsø', 1, rus.id);
        await set('Bodø', 'nei');
        await set('Hamar', 'delvis');
        await set('Tromsø', 'ja');
        for (const m of ['Bodø', 'Hamar', 'Tromsø']) await call(app, 'responses.setStatus', { id: await responseIdOf(app, m), status: 'under_arbeid' });
      });
      await as(app, 'Ola', async () => {
        await codeAnswer(app, 'Bodø', 1, rus.id, 'Rus');
        await codeAnswer(app, 'Hamar', 1, rus.id);
        // Setting the value already there records nothing, so Ola's agreeing values come after another.
        await set('Bodø', 'delvis');
        await set('Hamar', 'ja', 'delvis');
        await set('Tromsø', 'nei', 'ja');
        for (const m of ['Bodø', 'Hamar', 'Tromsø']) await call(app, 'responses.setStatus', { id: await responseIdOf(app, m), status: 'ferdig' });
      });
    },
  });
  const rus = await codeNamed(app, 'Rus');

  await page.getByTestId('tab-agreement').click();
  const view = page.getByTestId('agreement-view');
  await expect(view).toBeVisible();
  // Nobody is assigned to the respondents: no default pair, the lead picks the coders.
  await expect(view.getByTestId('agreement-too-few')).toBeVisible();
  await view.getByRole('checkbox', { name: 'Kari' }).check();
  await view.getByRole('checkbox', { name: 'Ola' }).check();
  await expect(view.getByTestId('agreement-summary')).toContainText('3 svar er kodet av minst to av Kari, Ola');

  const row = view.locator(`[data-testid="agreement-code-row"][data-code-id="${rus.id}"]`);
  await expect(row.getByTestId('agreement-units')).toHaveText('15');
  await expect(row.getByTestId('agreement-percent')).toHaveText('86,7 %');
  await expect(row.getByTestId('agreement-kappa')).toHaveText('0,42');
  await expect(row.getByTestId('agreement-alpha')).toHaveText('0,44');
  await expect(row.getByTestId('agreement-counts')).toHaveText('1 / 1 / 1 / 12');
  const satisfied = view.locator('[data-testid="agreement-variable-row"][data-variable-key="q2_satisfied"]');
  await expect(satisfied.getByTestId('agreement-units')).toHaveText('3');
  await expect(satisfied.getByTestId('agreement-percent')).toHaveText('66,7 %');
  await expect(satisfied.getByTestId('agreement-kappa')).toHaveText('0,50');
  // An undefined coefficient is a dash, with the reason on hover.
  const channels = view.locator('[data-testid="agreement-variable-row"][data-variable-key="q4_channels"]');
  await expect(channels.getByTestId('agreement-kappa')).toHaveText('–');
  await expect(channels.getByTestId('agreement-kappa')).toHaveAttribute('title', /ingen enheter/);

  // The disagreements on Rus, side by side: Hamar (only Ola) and Tromsø (only Kari).
  await row.getByTestId('agreement-open').click();
  const list = view.getByTestId('agreement-disagreements');
  const items = list.getByTestId('agreement-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Hamar (3403)');
  await expect(items.nth(1)).toContainText('Tromsø (5401)');
  const hamar = items.nth(0);
  await expect(hamar.locator('[data-testid="agreement-side"][data-coder="Kari"]').getByTestId('agreement-side-empty')).toBeVisible();
  await expect(hamar.locator('[data-testid="agreement-side"][data-coder="Ola"]').getByTestId('agreement-side-quote')).toHaveText('«Digital kriminalitet og svindel mot eldre.»');
  await expect(hamar.getByTestId('agreement-item-status')).toHaveText('Åpen');

  // The lead decides that Kari is right (no Rus in Hamar's answer).
  await hamar.getByTestId('agreement-note').fill('Handler om digital kriminalitet');
  await hamar.locator('[data-testid="agreement-keep"][data-coder="Kari"]').click();
  await expect(hamar.getByTestId('agreement-item-status')).toHaveText('Løst');
  await expect(hamar.getByTestId('agreement-decision')).toContainText('kodingen til Kari står (E2E Saksbehandler, ');
  await expect(hamar.getByTestId('agreement-decision')).toContainText('Handler om digital kriminalitet');
  // Ola's coding is gone from the project, and still shown as his judgement.
  await expect(hamar.locator('[data-testid="agreement-side"][data-coder="Ola"]').getByTestId('agreement-side-quote')).toHaveAttribute('data-exists', 'false');
  const hamarAnswers = (await workspace(app, await responseIdOf(app, 'Hamar'))).codings.filter((k) => k.codeId === rus.id);
  expect(hamarAnswers).toEqual([]);
  const resolved = await call(app, 'agreement.disagreements', { coders: ['Kari', 'Ola'], codeId: rus.id, status: 'resolved' });
  expect(resolved.items.map((d) => [d.municipality?.name, d.resolution?.decision, d.resolution?.resolvedBy, d.resolution?.note])).toEqual([
    ['Hamar', 'a', 'E2E Saksbehandler', 'Handler om digital kriminalitet'],
  ]);

  // Only the open one is left under "Åpne"; the figures still describe the double coding.
  await list.getByTestId('agreement-status-open').click();
  await expect(items).toHaveCount(1);
  await expect(items.nth(0)).toContainText('Tromsø');
  await list.getByTestId('agreement-back').click();
  await expect(row.getByTestId('agreement-kappa')).toHaveText('0,42');
  await expect(row.getByTestId('agreement-open')).toHaveText('1 åpne, 1 løst');

  expectOnlyHostRequests(app);
});
