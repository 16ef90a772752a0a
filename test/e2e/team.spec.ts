// Team work offline, end to end. The scenario is built through the core: a
// master project with three municipalities' answers, Bodø assigned to Kari
// with Q2 "Tilfreds" set to Nei, a work package for Kari; on "Kari's laptop"
// (a second core with its own folders, author Kari) the package becomes a
// working copy where she sets Delvis and makes a return package; back in the
// master the lead sets Ja. In the UI the lead merges the return, sees the
// collision side by side (base, master, Kari, with names and values in
// words), takes Kari's value with the keyboard, and merging the same file
// again (uploaded this time) changes nothing. A second test assigns by
// police district in the UI and filters the response list and the coding
// list by caseworker; a third opens a work package from the start screen and
// makes a return package from the working copy's banner.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MethodName, MethodResult } from '../../src-shared/contract';
import { createCore, type Core } from '../../src-main/core';
import { silentLogger } from '../../src-main/core/deps';
import { recordingDesktop } from '../helpers/core';
import { ROWS } from './coding-helpers';
import { expect, expectOnlyHostRequests, test, type AppFixture } from './fixtures';
import { call, tempDir } from './import-helpers';

const repoRoot = path.resolve(__dirname, '..', '..');
const HEADER = ['Kommunenr.', 'Kommune', 'Mottatt', 'Spørsmål 1', 'Spørsmål 2', 'Spørsmål 3', 'Spørsmål 4', 'Spørsmål 5'];
const DATE = /\d{2}\.\d{2}\.\d{4}/;

async function callCore<M extends MethodName>(core: Core, method: M, input: object = {}): Promise<MethodResult<M>> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.result as MethodResult<M>;
}

/** A master project with Bodø, Hamar and Tromsø's answers, made through the core. */
async function masterWithAnswers(app: AppFixture): Promise<void> {
  await call(app, 'project.create', { path: 'hovedprosjekt.innspill' });
  const dir = tempDir();
  try {
    const file = path.join(dir, 'svar.csv');
    const quote = (f: string) => (/[";\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    writeFileSync(file, [HEADER, ...ROWS].map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n', 'utf8');
    const report = await call(app, 'import.run', { paths: [file] });
    expect(report.files.map((f) => f.status)).toEqual(['imported']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bodo(app: AppFixture) {
  const found = (await call(app, 'team.assignments')).respondents.find((r) => r.municipalityNumber === '1804');
  if (!found?.responseId) throw new Error('no response from Bodø');
  return { respondentId: found.respondentId, responseId: found.responseId };
}

async function q2Value(app: AppFixture, responseId: string, variableId: string) {
  return (await call(app, 'workspace.response', { id: responseId })).values.find((v) => v.variableId === variableId) ?? null;
}

async function openTeamView(page: Page): Promise<void> {
  await expect(page.getByTestId('case-screen')).toBeVisible();
  await page.getByTestId('tab-team').click();
  await expect(page.getByTestId('team-view')).toBeVisible();
}

test('the lead merges a return package, decides the collision side by side with Kari’s value, and a second merge changes nothing', async ({ app, page }) => {
  test.setTimeout(90_000);
  await masterWithAnswers(app);
  const { respondentId, responseId } = await bodo(app);
  await call(app, 'team.assign', { assignee: 'Kari', respondentIds: [respondentId] });
  const q2 = (await call(app, 'variables.list')).find((v) => v.key === 'q2_satisfied');
  if (!q2) throw new Error('no q2_satisfied variable');
  await call(app, 'variables.set', { responseId, variableId: q2.id, value: 'nei' });
  const pkg = await call(app, 'team.exportPackage', { assignee: 'Kari' });
  expect(pkg.respondents).toBe(1);

  // Kari's laptop: its own folders and core; everything she does is recorded as Kari.
  const laptop = tempDir();
  const kariDir = path.join(laptop, 'prosjekter');
  mkdirSync(kariDir, { recursive: true });
  const kari = createCore({
    paths: { resourcesDir: path.join(repoRoot, 'resources'), configDir: path.join(laptop, 'config'), workspaceDir: kariDir },
    shell: 'host',
    logger: silentLogger,
    author: () => 'Kari',
    desktop: recordingDesktop(),
  });
  let returnPath: string;
  try {
    const copy = await callCore(kari, 'team.openPackage', { path: pkg.path });
    expect(copy.workingCopy?.assignee).toBe('Kari');
    await callCore(kari, 'variables.set', { responseId, variableId: q2.id, value: 'delvis' });
    const returned = await callCore(kari, 'team.exportReturn', {});
    expect(returned.changes).toBeGreaterThan(0);
    returnPath = returned.path;
  } finally {
    await kari.dispose();
  }

  // Meanwhile the lead changes the same value in the master.
  await call(app, 'variables.set', { responseId, variableId: q2.id, value: 'ja' });

  await app.open();
  await openTeamView(page);
  await expect(page.locator('[data-testid="team-overview-row"][data-assignee="Kari"] [data-testid="team-overview-respondents"]')).toHaveText('1');

  // Merge the return package by its path.
  await page.getByTestId('team-tab-packages').click();
  const row = page.locator('[data-testid="team-package-row"][data-assignee="Kari"]');
  await expect(row).toHaveAttribute('data-merges', '0');
  // Without a file the field says so; typing a path clears the message.
  await page.getByTestId('team-merge-submit').click();
  await expect(page.getByTestId('team-merge').getByText('Skriv inn en filsti eller velg en fil.')).toBeVisible();
  await page.getByTestId('team-merge-file-path').fill(returnPath);
  await expect(page.getByTestId('team-merge').getByText('Skriv inn en filsti eller velg en fil.')).toHaveCount(0);
  await page.getByTestId('team-merge-submit').click();
  const report = page.getByTestId('team-merge-report');
  await expect(report).toHaveAttribute('data-already-merged', 'false');
  await expect(report).toContainText('Returpakken fra Kari er flettet inn');
  await expect(page.getByTestId('team-merge-conflicts')).toHaveText('1');
  await expect(page.getByTestId('team-merge-actors')).toHaveText('Kari');
  await expect(row).toHaveAttribute('data-merges', '1');
  await expect(row.getByTestId('team-package-conflicts')).toHaveText('1');
  await expect(page.getByTestId('team-tab-conflicts')).toHaveText('Konflikter (1)');

  // The conflict, side by side: the base, the master's value and Kari's, with who and where.
  await page.getByTestId('team-merge-show-conflicts').click();
  const card = page.getByTestId('team-conflict');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('data-status', 'open');
  await expect(card).toHaveAttribute('data-entity', 'variable_value');
  await expect(card.getByTestId('team-conflict-title')).toContainText('Bodø (1804)');
  await expect(card.getByTestId('team-conflict-variable')).toHaveText(q2.label);
  await expect(card.getByTestId('team-conflict-ours-label')).toHaveText('Hovedprosjektet');
  await expect(card.getByTestId('team-conflict-theirs-label')).toHaveText('Kari');
  await expect(card.getByTestId('team-conflict-ours-value')).toContainText('Ja');
  await expect(card.getByTestId('team-conflict-theirs-value')).toContainText('Delvis');
  await expect(card.getByTestId('team-conflict-base-value')).toContainText('Nei');
  await expect(card.getByTestId('team-conflict-ours-actor')).toHaveText('Endret av E2E Saksbehandler');
  await expect(card.getByTestId('team-conflict-theirs-actor')).toHaveText('Endret av Kari');
  // Nothing has been decided for the lead: the master still says Ja.
  expect((await q2Value(app, responseId, q2.id))?.value).toBe('ja');

  // Take Kari's value, from the keyboard.
  const useTheirs = card.getByTestId('team-conflict-use-theirs');
  await expect(useTheirs).toHaveText('Bruk Kari sin');
  await expect(card.getByTestId('team-conflict-keep-ours')).toHaveText('Behold vår');
  await useTheirs.focus();
  await page.keyboard.press('Enter');
  await expect(card).toHaveAttribute('data-status', 'resolved');
  const decision = card.getByTestId('team-conflict-decision');
  await expect(decision).toContainText('Avgjort: Kari sin versjon brukt');
  await expect(decision).toContainText('av E2E Saksbehandler');
  await expect(decision).toContainText(DATE);
  await expect(decision).toBeFocused();
  await expect(card.getByTestId('team-conflict-theirs').getByTestId('team-conflict-chosen')).toBeVisible();
  await expect(page.getByTestId('team-tab-conflicts')).toHaveText('Konflikter');

  // The master now holds Kari's value, and the conflict is recorded as decided.
  expect((await q2Value(app, responseId, q2.id))?.value).toBe('delvis');
  const conflicts = await call(app, 'team.conflicts', { status: 'all' });
  expect(conflicts).toHaveLength(1);
  expect(conflicts[0]).toMatchObject({ status: 'resolved', resolution: 'theirs', resolvedBy: 'E2E Saksbehandler', assignee: 'Kari' });

  // The same return again, uploaded as a browser does: already merged, nothing new.
  await page.getByTestId('team-tab-packages').click();
  await page.getByTestId('team-merge-file-input').setInputFiles(returnPath);
  await expect(page.getByTestId('team-merge-file-chosen')).toContainText(path.basename(returnPath));
  await page.getByTestId('team-merge-submit').click();
  await expect(page.getByTestId('team-merge-report')).toHaveAttribute('data-already-merged', 'true');
  await expect(page.getByTestId('team-merge-already')).toContainText('flettet inn før. Ingenting ble endret.');
  expect(await call(app, 'team.conflicts', { status: 'all' })).toHaveLength(1);
  expect((await q2Value(app, responseId, q2.id))?.value).toBe('delvis');
  await page.getByTestId('team-tab-conflicts').click();
  await expect(page.getByTestId('team-conflicts-count')).toContainText('0 åpne konflikter');
  await expect(page.getByTestId('team-conflict')).toHaveCount(1);

  rmSync(laptop, { recursive: true, force: true });
  expectOnlyHostRequests(app);
});

test('the lead assigns a police district to a caseworker, and the response and coding lists filter by caseworker', async ({ app, page }) => {
  await masterWithAnswers(app);
  const [bodoMunicipality] = await call(app, 'registry.municipalities', { query: 'Bodø' });
  const district = (await call(app, 'registry.policeDistricts')).find((d) => d.code === bodoMunicipality.policeDistrictCode);
  if (!district) throw new Error('no police district for Bodø');

  await app.open();
  await openTeamView(page);
  await expect(page.getByTestId('team-overview-empty')).toBeVisible();
  await expect(page.locator('[data-testid="team-overview-unassigned"] [data-testid="team-overview-responses"]')).toHaveText('3');

  await page.getByTestId('team-assignee-input').fill('Ola');
  await expect(page.getByTestId('team-mode-district')).toBeChecked();
  await page.getByTestId('team-assign-district').selectOption(district.code);
  await expect(page.getByTestId('team-assign-covered')).toContainText('1 respondent med svar her.');
  await page.getByTestId('team-assign-submit').click();
  await expect(page.getByTestId('team-assign-result')).toContainText('Ola: 1 ny respondent');
  const ola = page.locator('[data-testid="team-overview-row"][data-assignee="Ola"]');
  await expect(ola.getByTestId('team-overview-respondents')).toHaveText('1');
  await expect(page.locator('[data-testid="team-overview-unassigned"] [data-testid="team-overview-responses"]')).toHaveText('2');

  const overview = await call(app, 'team.assignments');
  expect(overview.assignees.map((a) => a.assignee)).toEqual(['Ola']);
  expect(overview.respondents.filter((r) => r.assignees.includes('Ola')).map((r) => r.municipalityNumber)).toEqual(['1804']);

  // "Vis svar" opens the response list filtered to Ola: only Bodø.
  await ola.getByTestId('team-overview-show').click();
  await expect(page.getByTestId('responses-view')).toBeVisible();
  await expect(page.getByTestId('responses-assignee-filter')).toHaveValue('Ola');
  await expect(page.getByTestId('response-row')).toHaveCount(1);
  await expect(page.getByTestId('response-row')).toHaveAttribute('data-municipality', '1804');

  // "Ikke tildelt": the other two.
  await page.getByTestId('responses-assignee-filter').selectOption('none');
  await expect(page.getByTestId('response-row')).toHaveCount(2);
  await expect(page.locator('[data-testid="response-row"][data-municipality="1804"]')).toHaveCount(0);
  await page.getByTestId('responses-assignee-filter').selectOption('');
  await expect(page.getByTestId('response-row')).toHaveCount(3);

  // The coding list filters the same way (under "Flere filtre").
  await page.getByTestId('tab-coding').click();
  await expect(page.getByTestId('coding-row')).toHaveCount(3);
  await page.getByTestId('coding-filter-more').click();
  await page.getByTestId('coding-filter-assignee').selectOption('Ola');
  await expect(page.getByTestId('coding-row')).toHaveCount(1);
  await expect(page.getByTestId('coding-list-count')).toContainText('1');

  expectOnlyHostRequests(app);
});

test('a colleague opens a work package from the start screen, works in the copy and makes a return package', async ({ app, page }) => {
  await masterWithAnswers(app);
  const { respondentId, responseId } = await bodo(app);
  await call(app, 'team.assign', { assignee: 'Kari', respondentIds: [respondentId] });
  const pkg = await call(app, 'team.exportPackage', { assignee: 'Kari' });
  await call(app, 'project.close');

  await app.open();
  const panel = page.getByTestId('open-package-panel');
  await expect(panel).toContainText('Åpne arbeidspakke');
  // Nothing chosen: the panel says what is missing instead of calling the core.
  await page.getByTestId('open-package-submit').click();
  await expect(panel).toContainText('Skriv inn en filsti eller velg en fil.');
  await page.getByTestId('open-package-file-path').fill(pkg.path);
  await page.getByTestId('open-package-target').fill('kari-kopi');
  await page.getByTestId('open-package-submit').click();

  const banner = page.getByTestId('working-copy-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Arbeidskopi av «Brev til kommunene om bedre polititjenester og beredskap» for Kari.');
  await expect(banner).toContainText('med 1 svar');
  const current = await call(app, 'project.current');
  expect(current?.path).toBe(path.join(app.projectsDir, 'kari-kopi.innspill'));
  expect(current?.workingCopy?.packageId).toBe(pkg.packageId);
  // Only Kari's respondent is in the copy.
  await expect(page.getByTestId('tab-responses-count')).toHaveText('1');

  // Kari codes (through the core), then makes the return package from the banner.
  const q5 = (await call(app, 'variables.list')).find((v) => v.key === 'q5_wants_station');
  await call(app, 'variables.set', { responseId, variableId: q5!.id, value: 'ja' });
  await page.getByTestId('working-copy-make-return').click();
  await expect(page.getByTestId('team-view')).toBeVisible();
  await expect(page.getByTestId('team-master-only')).toBeVisible();
  await expect(page.getByTestId('team-return-preview')).toHaveAttribute('data-changes', '1');
  await expect(page.locator('[data-testid="team-return-count"][data-kind="variable_value"]')).toHaveText('1');
  await page.getByTestId('team-return-file').fill('retur-kari');
  await page.getByTestId('team-return-submit').click();
  const result = page.getByTestId('team-return-result');
  await expect(result).toBeVisible();
  const returnPath = path.join(app.projectsDir, 'Eksport', 'retur-kari.innspillretur');
  await expect(page.getByTestId('team-return-result-path')).toHaveText(returnPath);
  await expect(page.getByTestId('team-return-result-changes')).toHaveText('1');
  expect(existsSync(returnPath)).toBe(true);
  // "Vis i mappen" shows the file in its folder (recorded by the fixture, not started).
  await page.getByTestId('team-return-result-reveal').click();
  await expect.poll(() => app.desktop.calls).toEqual([{ action: 'reveal', path: returnPath }]);

  expectOnlyHostRequests(app);
});
