// DFØ findings end to end. First, a coded span linked to a finding from the
// coding view's side panel (relation "Motsier" with a comment), changed,
// removed and restored by undo; the finding's view with the quote, the
// municipality's facts and the counts; and the link kept but marked
// "Erstattet svar" once a newer answer replaces the coded one. Second, the
// register: the 2022 letter's starter reports (unverified ones marked),
// creating, editing and deleting a report and a finding — deleting a linked
// finding needs the confirm step, also when the link arrived after the dialog
// opened — and the register exported as CSV and imported.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../src-shared/findings';
import { expect, expectOnlyHostRequests, test, type AppFixture } from './fixtures';
import { call, tempDir } from './import-helpers';

const CODED_TEXT = 'politiet er nesten aldri synlig i kommunen';

const CSV = [
  'Kommunenr.;Kommune;Mottatt;Spørsmål 1;Spørsmål 2;Spørsmål 3',
  `1804;Bodø kommune;30.05.2022;Rus blant unge er den største utfordringen.;Nei. Etter reformen er ${CODED_TEXT}, og responstiden har økt.;Politirådet fungerer godt.`,
  '5401;Tromsø kommune;01.06.2022;Lange avstander gir lang responstid.;Ja, stort sett fornøyd.;Felles beredskap og øvelser.',
  '3403;Hamar kommune;31.05.2022;Digital kriminalitet og svindel mot eldre.;Delvis fornøyd.;Politikontakt i kommunen.',
].join('\r\n');

interface FindingsCase {
  responseId: string;
  answerId: string;
  codingId: string;
  /** The starter finding the tests link to. */
  finding: Finding;
}

/** Creates the case, imports the answers and codes a span of Bodø's answer to question 2. */
async function setUpFindingsCase(app: AppFixture, dir: string, name = 'funn.innspill'): Promise<FindingsCase> {
  await call(app, 'project.create', { path: name });
  const file = path.join(dir, 'svar.csv');
  writeFileSync(file, '\uFEFF' + CSV + '\r\n', 'utf8');
  await call(app, 'import.run', { paths: [file] });
  await call(app, 'codebook.adoptStarter');
  const responses = await call(app, 'responses.list', {});
  const bodo = responses.find((r) => r.municipality?.number === '1804')!;
  const detail = await call(app, 'responses.get', { id: bodo.id });
  const answer = detail.answers.find((a) => a.questionOrdinal === 2)!;
  const codes = await call(app, 'codebook.list');
  const code = codes.find((c) => c.questionId === answer.questionId && c.parentId !== null) ?? codes.find((c) => c.questionId === null)!;
  const start = answer.text.indexOf(CODED_TEXT);
  const coding = await call(app, 'codings.create', { answerId: answer.id, codeId: code.id, start, end: start + CODED_TEXT.length });
  const findings = await call(app, 'findings.list', {});
  // DFØ-rapport 2021:1: «Målet om økt tilstedeværelse og synlighet lokalt er så langt ikke nådd …»
  const finding = findings.find((f) => f.statement.includes('synlighet lokalt'))!;
  return { responseId: bodo.id, answerId: answer.id, codingId: coding.id, finding };
}

let dir: string;
test.beforeEach(() => {
  dir = tempDir();
});
test.afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('a coded span is linked to a DFØ finding in the coding view and shows as evidence', async ({ app, page }) => {
  const c = await setUpFindingsCase(app, dir);
  await app.open();

  // The coding view: Bodø's response, its coded span selected, the findings tab.
  await page.getByTestId('tab-coding').click();
  await expect(page.getByTestId('coding-workspace')).toBeVisible();
  await page.locator(`[data-testid="coding-row"][data-id="${c.responseId}"]`).click();
  await expect(page.getByTestId('coding-title')).toHaveText(/Bodø/);
  await page.getByTestId('side-tab-findings').click();
  const panel = page.getByTestId('finding-links-panel');
  await expect(panel.getByTestId('finding-links-empty')).toBeVisible();
  await page.locator(`[data-testid="coding-bar-label"][data-coding-id="${c.codingId}"]`).click();
  const form = panel.getByTestId('finding-link-form');
  await expect(form).toHaveAttribute('data-target', 'coding');

  // Find the finding, relation "Motsier", a comment.
  await form.getByTestId('finding-picker-search').fill('synlighet lokalt');
  const option = form.locator(`[data-testid="finding-option"][data-id="${c.finding.id}"]`);
  await expect(option).toBeVisible();
  await option.getByTestId('finding-option-check').check();
  await expect(form.getByTestId('finding-picked-count')).toHaveText('1 funn valgt');
  await form.getByTestId('finding-link-relation').selectOption({ label: 'Motsier' });
  await form.getByTestId('finding-link-comment-input').fill('Bodø opplever det motsatte: politiet er sjeldnere synlig.');
  await form.getByTestId('finding-link-submit').click();

  const link = panel.getByTestId('finding-links-selected').getByTestId('finding-link');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('data-on-span', 'true');
  await expect(link.getByTestId('relation-tag')).toHaveText('Motsier');
  await expect(link.getByTestId('finding-link-statement')).toHaveText(c.finding.statement);
  await expect(link.getByTestId('finding-link-report')).toHaveText(c.finding.reportKey!);
  await expect(link.getByTestId('finding-link-scope')).toHaveText('Kodet utdrag');
  await expect(link.getByTestId('finding-link-comment')).toHaveText('Bodø opplever det motsatte: politiet er sjeldnere synlig.');
  await expect(option).toContainText('koblet');

  const stored = await call(app, 'findings.forResponse', { responseId: c.responseId });
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ findingId: c.finding.id, codingId: c.codingId, answerId: c.answerId, relation: 'motsier', createdBy: 'E2E Saksbehandler' });

  // Change the relation, then back; remove and undo.
  await link.getByTestId('finding-link-edit').click();
  await link.getByTestId('finding-link-edit-relation').selectOption('nyanserer');
  await link.getByTestId('finding-link-save').click();
  await expect(link.getByTestId('relation-tag')).toHaveText('Nyanserer');
  await link.getByTestId('finding-link-edit').click();
  await link.getByTestId('finding-link-edit-relation').selectOption('motsier');
  await link.getByTestId('finding-link-save').click();
  await expect(link.getByTestId('relation-tag')).toHaveText('Motsier');
  await link.getByTestId('finding-link-remove').click();
  await expect(panel.getByTestId('finding-link')).toHaveCount(0);
  await page.getByTestId('coding-undo').click();
  await expect(panel.getByTestId('finding-link')).toHaveCount(1);
  await expect(panel.getByTestId('finding-link').getByTestId('relation-tag')).toHaveText('Motsier');
  await page.screenshot({ path: test.info().outputPath('coding-findings-panel.png') });

  // Without a coded span, the focused answer part is linked as a whole.
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="coding-part"][data-question="1"]').getByTestId('coding-text').click();
  await expect(form).toHaveAttribute('data-target', 'answer');
  await form.getByTestId('finding-picker-search').fill('');
  const other = form.getByTestId('finding-option').filter({ hasNotText: c.finding.statement }).first();
  const otherId = (await other.getAttribute('data-id'))!;
  await other.getByTestId('finding-option-check').check();
  await form.getByTestId('finding-link-relation').selectOption({ label: 'Nytt forhold' });
  await expect(form.getByTestId('finding-link-relation-help')).toHaveText('Svaret tar opp noe evalueringen ikke dekket');
  await form.getByTestId('finding-link-submit').click();
  const whole = panel.getByTestId('finding-links-selected').getByTestId('finding-link');
  await expect(whole).toHaveCount(1);
  await expect(whole).toHaveAttribute('data-on-span', 'false');
  await expect(whole.getByTestId('finding-link-scope')).toHaveText('Hele svardelen');
  await expect(panel.getByTestId('finding-links-others').getByTestId('finding-link')).toHaveCount(1);
  expect((await call(app, 'findings.forResponse', { responseId: c.responseId })).find((l) => l.findingId === otherId)).toMatchObject({ codingId: null, relation: 'nytt_forhold' });
  await page.locator(`[data-testid="coding-bar-label"][data-coding-id="${c.codingId}"]`).click();
  await expect(form).toHaveAttribute('data-target', 'coding');

  // The finding's view: the quote, Bodø's facts, the counts.
  await panel.getByTestId('finding-links-selected').getByTestId('finding-link-open').click();
  const view = page.getByTestId('finding-view');
  await expect(view).toHaveAttribute('data-id', c.finding.id);
  await expect(view.getByTestId('finding-statement-heading')).toHaveText(c.finding.statement);
  await expect(view.getByTestId('finding-report')).toContainText(c.finding.reportKey!);
  await expect(view.locator('[data-testid="relation-stat"][data-relation="motsier"]')).toHaveAttribute('data-count', '1');
  await expect(view.locator('[data-testid="relation-stat"][data-relation="stotter"]')).toHaveAttribute('data-count', '0');
  await expect(view.getByTestId('finding-summary-text')).toHaveText('Støtter 0 kommuner · Motsier 1 · Nyanserer 0 · Nytt forhold 0');
  const district = view.locator('[data-testid="district-row"]');
  await expect(district).toHaveCount(1);
  await expect(district).toContainText('Nordland');
  await expect(district.locator('[data-relation="motsier"]')).toHaveText('1');
  const item = view.getByTestId('evidence-item');
  await expect(item).toHaveCount(1);
  // The coded words in their sentence, marked: a fragment is never shown as the quote.
  await expect(item.getByTestId('evidence-quote')).toHaveText(`«Etter reformen er ${CODED_TEXT}, og responstiden har økt.»`);
  await expect(item.getByTestId('evidence-quote').getByTestId('quote-coded')).toHaveText(CODED_TEXT);
  await expect(item.getByTestId('evidence-open')).toHaveText('Bodø');
  await expect(item.getByTestId('evidence-municipality')).toContainText('Nordland');
  await expect(item.getByTestId('evidence-district')).toHaveText('Nordland politidistrikt');
  await expect(item.getByTestId('evidence-municipality')).toContainText('innbyggere');
  await expect(item.getByTestId('evidence-question')).toHaveText('Spørsmål 2');
  await expect(item.getByTestId('relation-tag')).toHaveText('Motsier');
  await expect(item.getByTestId('evidence-comment')).toContainText('Bodø opplever det motsatte');
  await expect(item.getByTestId('evidence-meta')).toContainText('Kodet utdrag · Koblet av E2E Saksbehandler');
  await expect(item.getByTestId('evidence-superseded')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('finding-view.png'), fullPage: true });

  const core = await call(app, 'findings.view', { id: c.finding.id });
  expect(core.byRelation).toEqual({ stotter: 0, motsier: 1, nyanserer: 0, nytt_forhold: 0 });
  expect(core.evidence).toHaveLength(1);
  expect(core.evidence[0]).toMatchObject({ codingId: c.codingId, quote: CODED_TEXT, relation: 'motsier', superseded: false, questionOrdinal: 2 });
  expect(core.evidence[0].municipality).toMatchObject({ number: '1804', name: 'Bodø', policeDistrictName: 'Nordland' });
  expect(core.byPoliceDistrict).toEqual([expect.objectContaining({ name: 'Nordland', counts: { stotter: 0, motsier: 1, nyanserer: 0, nytt_forhold: 0 } })]);

  // The register shows the count too.
  await view.getByTestId('finding-back').click();
  const row = page.locator(`[data-testid="finding-row"][data-id="${c.finding.id}"]`);
  await expect(row.locator('[data-testid="relation-count"][data-relation="motsier"]')).toHaveAttribute('data-count', '1');

  // A newer answer from Bodø replaces the coded one: the link stays, marked, and is not counted.
  const newer = path.join(dir, 'bodo-oppdatert.csv');
  writeFileSync(newer, '\uFEFFKommunenr.;Kommune;Mottatt;Spørsmål 1;Spørsmål 2\r\n1804;Bodø kommune;14.06.2022;Oppdatert svar.;Vi er nå mer fornøyd.\r\n', 'utf8');
  await call(app, 'import.run', { paths: [newer] });
  await row.getByTestId('finding-open').click();
  await expect(item.getByTestId('evidence-superseded')).toHaveText('Erstattet svar');
  await expect(item).toHaveAttribute('data-superseded', 'true');
  await expect(view.locator('[data-testid="relation-stat"][data-relation="motsier"]')).toHaveAttribute('data-count', '0');
  await page.getByTestId('evidence-show-superseded').uncheck();
  await expect(view.getByTestId('evidence-item')).toHaveCount(0);
  await page.getByTestId('evidence-show-superseded').check();

  // The evidence opens the (replaced) response.
  await item.getByTestId('evidence-open').click();
  await expect(page.getByTestId('response-detail')).toHaveAttribute('data-id', c.responseId);
  await expect(page.getByTestId('superseded-banner')).toBeVisible();
  expectOnlyHostRequests(app);
});

const HEADER = ['rapport_id', 'rapport_tittel', 'utgiver', 'publisert', 'url', 'rapport_verifisert', 'funn_id', 'funn', 'referanse', 'tema', 'funn_verifisert'];

test('register: starter reports, create, edit and delete a report and a finding, export CSV', async ({ app, page }) => {
  const c = await setUpFindingsCase(app, dir);
  await app.open();
  await page.getByTestId('tab-findings').click();
  const register = page.getByTestId('findings-register');
  await expect(register).toBeVisible();

  // The 2022 letter's starter register: 8 reports, 24 findings, some unverified.
  await expect(page.getByTestId('findings-count')).toContainText('24 funn i 8 rapporter');
  const groups = register.getByTestId('report-group');
  await expect(groups).toHaveCount(8);
  const unverified = register.locator('[data-testid="report-group"][data-verified="false"]');
  expect(await unverified.count()).toBeGreaterThan(0);
  await expect(unverified.first().getByTestId('verified-tag')).toHaveText('Ikke verifisert');
  // Reports' addresses are text, never links out of the offline app.
  await expect(register.locator('a[href]')).toHaveCount(0);
  const final = register.locator('[data-testid="report-group"][data-key="DFØ-rapport 2022:6"]');
  await expect(final.getByTestId('report-published')).toContainText('19.12.2022');
  await expect(final.getByTestId('report-url')).toContainText('https://dfo.no/');

  // A new report.
  await page.getByTestId('report-new').click();
  const reportDialog = page.getByTestId('report-dialog');
  await reportDialog.getByTestId('report-save').click();
  await expect(reportDialog.getByText('Må fylles ut').first()).toBeVisible();
  await reportDialog.getByTestId('report-form-key').fill('Riksrevisjonen 2023:12');
  await reportDialog.getByTestId('report-form-published').fill('2023-05-10');
  await reportDialog.getByTestId('report-form-title').fill('Politiets tilstedeværelse i distriktene');
  await reportDialog.getByTestId('report-form-publisher').fill('Riksrevisjonen');
  await reportDialog.getByTestId('report-form-url').fill('https://www.riksrevisjonen.no/rapporter/politi');
  await reportDialog.getByTestId('report-form-verified').check();
  await reportDialog.getByTestId('report-save').click();
  await expect(reportDialog).toBeHidden();
  const rr = register.locator('[data-testid="report-group"][data-key="Riksrevisjonen 2023:12"]');
  await expect(rr).toBeVisible();
  await expect(rr.getByTestId('verified-tag')).toHaveText('Verifisert');
  await expect(rr.getByTestId('report-published')).toContainText('10.05.2023');
  await expect(rr.getByTestId('report-url')).toHaveText('https://www.riksrevisjonen.no/rapporter/politi');
  await expect(page.getByTestId('findings-count')).toContainText('24 funn i 9 rapporter');

  // Edit its title.
  await rr.getByTestId('report-edit').click();
  await expect(reportDialog.getByTestId('report-form-key')).toHaveValue('Riksrevisjonen 2023:12');
  await reportDialog.getByTestId('report-form-title').fill('Politiets tilstedeværelse i distriktene – oppfølging');
  await reportDialog.getByTestId('report-save').click();
  await expect(reportDialog).toBeHidden();
  await expect(rr.getByTestId('report-title')).toHaveText('Politiets tilstedeværelse i distriktene – oppfølging');

  // A finding in it, then an edit.
  await rr.getByTestId('report-add-finding').click();
  const findingDialog = page.getByTestId('finding-dialog');
  await expect(findingDialog.getByTestId('finding-form-report')).toHaveValue(await rr.getAttribute('data-id') as string);
  await findingDialog.getByTestId('finding-form-statement').fill('Patruljene bruker mer tid på transport enn før.');
  await findingDialog.getByTestId('finding-form-reference').fill('kap. 4.2');
  await findingDialog.getByTestId('finding-form-theme').fill('Beredskap');
  await findingDialog.getByTestId('finding-save').click();
  await expect(findingDialog).toBeHidden();
  const row = rr.getByTestId('finding-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('finding-reference')).toHaveText('Referanse: kap. 4.2');
  await expect(row.getByTestId('finding-theme')).toHaveText('Beredskap');
  await expect(row.getByTestId('relation-counts')).toHaveText('Ingen koblinger');

  await row.getByTestId('finding-edit').click();
  await expect(findingDialog.getByTestId('finding-form-statement')).toHaveValue('Patruljene bruker mer tid på transport enn før.');
  await findingDialog.getByTestId('finding-form-statement').fill('Patruljene bruker mer tid på transport enn før reformen.');
  await findingDialog.getByTestId('finding-save').click();
  await expect(findingDialog).toBeHidden();
  await expect(row.getByTestId('finding-open')).toHaveText('Patruljene bruker mer tid på transport enn før reformen.');
  const findingId = (await row.getAttribute('data-id'))!;

  // Search and the theme filter find it.
  await page.getByTestId('findings-search').fill('transport');
  await expect(register.getByTestId('finding-row')).toHaveCount(1);
  await expect(page.getByTestId('findings-count')).toContainText('1 funn i 1 rapport');
  await page.getByTestId('findings-reset').click();
  await page.getByTestId('findings-theme-filter').selectOption('Beredskap');
  await expect(register.getByTestId('finding-row')).toHaveCount(1);
  await page.getByTestId('findings-verified-filter').selectOption('yes');
  await expect(page.getByTestId('findings-empty')).toBeVisible();
  await page.getByTestId('findings-verified-filter').selectOption('no');
  await expect(register.getByTestId('finding-row')).toHaveCount(1);
  await page.getByTestId('findings-reset').click();
  await expect(page.getByTestId('findings-count')).toContainText('25 funn i 9 rapporter');

  // A caseworker links the coded span to the new finding (elsewhere); the counts follow.
  const link = await call(app, 'findings.link', { findingId, codingId: c.codingId, relation: 'motsier', comment: 'Stemmer ikke for Bodø.' });
  await expect(row.locator('[data-testid="relation-count"][data-relation="motsier"]')).toHaveAttribute('data-count', '1');

  // Deleting the linked finding says so, and needs the confirm step.
  await row.getByTestId('finding-delete').click();
  const del = page.getByTestId('findings-delete-dialog');
  await expect(del.getByTestId('delete-links-warning')).toContainText('1 kobling');
  await expect(del.getByTestId('delete-confirm')).toHaveText('Slett med koblinger');
  await del.getByTestId('delete-cancel').click();
  await expect(del).toBeHidden();
  expect((await call(app, 'findings.list', {})).some((f) => f.id === findingId)).toBe(true);

  await row.getByTestId('finding-delete').click();
  await del.getByTestId('delete-confirm').click();
  await expect(del).toBeHidden();
  await expect(rr.getByTestId('finding-row')).toHaveCount(0);
  expect((await call(app, 'findings.list', {})).some((f) => f.id === findingId)).toBe(false);
  expect((await call(app, 'findings.forResponse', { responseId: c.responseId })).some((l) => l.id === link.id)).toBe(false);

  // A finding the UI saw without links, linked before the delete is confirmed:
  // the core refuses (CONFLICT), the dialog shows why and asks again.
  await rr.getByTestId('report-add-finding').click();
  await findingDialog.getByTestId('finding-form-statement').fill('Lokale politikontakter er godt kjent i kommunene.');
  await findingDialog.getByTestId('finding-save').click();
  await expect(findingDialog).toBeHidden();
  const second = rr.getByTestId('finding-row');
  await expect(second).toHaveCount(1);
  const secondId = (await second.getAttribute('data-id'))!;
  await second.getByTestId('finding-delete').click();
  await expect(del.getByTestId('delete-links-warning')).toHaveCount(0);
  await expect(del.getByTestId('delete-confirm')).toHaveText('Slett');
  await call(app, 'findings.link', { findingId: secondId, answerId: c.answerId, relation: 'stotter' });
  await del.getByTestId('delete-confirm').click();
  await expect(del.getByTestId('delete-links-warning')).toContainText('1 kobling');
  await expect(del.getByTestId('delete-confirm')).toHaveText('Slett med koblinger');
  expect((await call(app, 'findings.list', {})).some((f) => f.id === secondId)).toBe(true);
  await del.getByTestId('delete-confirm').click();
  await expect(del).toBeHidden();
  expect((await call(app, 'findings.list', {})).some((f) => f.id === secondId)).toBe(false);

  // The empty report goes too.
  await rr.getByTestId('report-delete').click();
  await expect(del).toContainText('Riksrevisjonen 2023:12');
  await del.getByTestId('delete-confirm').click();
  await expect(rr).toHaveCount(0);
  expect((await call(app, 'findings.reports', {})).map((r) => r.key)).not.toContain('Riksrevisjonen 2023:12');

  // Export as CSV: UTF-8 with a BOM for Excel, the documented columns first.
  await expect(page.getByTestId('findings-exchange-columns')).toBeHidden();
  await page.getByTestId('findings-exchange-help').locator('summary, u-summary').first().click();
  for (const col of HEADER) await expect(page.getByTestId('findings-exchange-columns')).toContainText(col);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('findings-export-csv').click()]);
  expect(download.suggestedFilename()).toBe('funnregister.csv');
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const [header, ...lines] = text.split('\r\n').filter(Boolean);
  expect(header.split(';').map((h) => h.replace(/^"|"$/g, ''))).toEqual(HEADER);
  expect(lines.some((l) => l.includes('DFØ-rapport 2022:6'))).toBe(true);
  await expect(page.getByTestId('findings-exchange-message')).toContainText('funnregister.csv');

  // Import: a new report with two findings from a semicolon CSV.
  const file = path.join(dir, 'nye-funn.csv');
  writeFileSync(
    file,
    '\uFEFF' +
      [
        HEADER.join(';'),
        'POD 2021:3;Politiets tjenestesteder;Politidirektoratet;2021-09-01;;ja;;Flere tjenestesteder har redusert åpningstid.;s. 12;Tilgjengelighet;ja',
        'POD 2021:3;Politiets tjenestesteder;Politidirektoratet;2021-09-01;;ja;;Innbyggerne bruker digitale tjenester mer.;s. 15;Tilgjengelighet;nei',
      ].join('\r\n') +
      '\r\n',
    'utf8',
  );
  await page.getByTestId('findings-import-input').setInputFiles(file);
  await expect(page.getByTestId('findings-exchange-message')).toContainText('1 rapport og 2 funn lagt til');
  const pod = register.locator('[data-testid="report-group"][data-key="POD 2021:3"]');
  await expect(pod.getByTestId('finding-row')).toHaveCount(2);
  await expect(pod.locator('[data-testid="finding-row"][data-verified="false"]').getByTestId('verified-tag')).toHaveText('Ikke verifisert');
  await expect(page.getByTestId('findings-count')).toContainText('26 funn i 9 rapporter');
  expectOnlyHostRequests(app);
});
