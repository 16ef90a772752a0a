// Each e2e test gets its own local host on a fresh project folder, with the
// core in its own child process as `npm start` runs it (the built
// out/main/core.js, the same file Electron forks), and a page whose every
// request is recorded so tests can prove the UI talks to nothing but the host.
// Every test also fails on a console error or an uncaught page error, and on
// any WCAG 2.1 A/AA violation axe finds on the screen the test ends on.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type ConsoleMessage, type Page, type Request } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forkCore, type ForkedCore } from '../../src-main/core/process/fork';
import { startHost, type Host } from '../../src-main/host/server';
import { recordingDesktop } from '../helpers/core';

const repoRoot = path.resolve(__dirname, '..', '..');
const builtCore = path.join(repoRoot, 'out', 'main', 'core.js');

/** The name every change in an e2e test is recorded under (the settings' user name, as on a caseworker's laptop). */
export const E2E_AUTHOR = 'E2E Saksbehandler';

export interface AppFixture {
  host: Host;
  /** The core process behind the host; tests call it directly to set up. */
  core: ForkedCore;
  projectsDir: string;
  /** What the UI asked the operating system to open (exports), reported by the core process. */
  desktop: ReturnType<typeof recordingDesktop>;
  /** Every URL the page requested. */
  requests: string[];
  /** Opens the UI with the session token. */
  open(): Promise<Page>;
  /** Console errors the test expects (a refused request it provokes on purpose); any other fails the test. */
  allowConsoleError(pattern: RegExp): void;
}

export const test = base.extend<{ app: AppFixture }>({
  app: async ({ page }, use, testInfo) => {
    if (!existsSync(builtCore)) throw new Error(`${builtCore} is missing: run "npx electron-vite build" first.`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'innspill-e2e-'));
    const projectsDir = path.join(dir, 'prosjekter');
    mkdirSync(projectsDir, { recursive: true });
    const desktop = recordingDesktop();
    const core = await forkCore(
      {
        paths: { resourcesDir: path.join(repoRoot, 'resources'), configDir: path.join(dir, 'config'), workspaceDir: projectsDir },
        shell: 'host',
        silent: true,
      },
      desktop,
      { modulePath: builtCore, execArgv: [] },
    );
    const named = await core.dispatch('settings.update', { userName: E2E_AUTHOR });
    if (!named.ok) throw new Error(named.error.message);
    const host = await startHost({ core, staticDir: path.join(repoRoot, 'out', 'renderer') });
    const requests: string[] = [];
    page.context().on('request', (r: Request) => requests.push(r.url()));
    const consoleErrors: string[] = [];
    const allowed: RegExp[] = [];
    page.on('console', (m: ConsoleMessage) => {
      const text = `${m.text()} (${m.location().url})`;
      // A refused call (4xx from /api/invoke) is how the host answers a domain error
      // the UI then shows; Chromium logs it as an error. A 5xx still fails the test.
      if (m.type() === 'error' && !/status of 4\d\d .*\/api\/invoke\//.test(text)) consoleErrors.push(text);
    });
    page.on('pageerror', (e: Error) => consoleErrors.push(`uncaught: ${e.message}`));
    await use({
      host,
      core,
      projectsDir,
      desktop,
      requests,
      async open() {
        await page.goto(host.openUrl);
        return page;
      },
      allowConsoleError(pattern: RegExp) {
        allowed.push(pattern);
      },
    });
    // Checked only when the test itself passed: a failure's own message comes first.
    if (testInfo.status === testInfo.expectedStatus) {
      const unexpected = consoleErrors.filter((e) => !allowed.some((p) => p.test(e)));
      expect(unexpected, 'console errors').toEqual([]);
      if (!page.isClosed() && page.url().startsWith(host.url)) await expectAccessible(page, `end of "${testInfo.title}"`);
    }
    await host.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

/** Asserts every recorded request went to the host (or was page-internal). */
export function expectOnlyHostRequests(app: AppFixture): void {
  const foreign = app.requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('about:')) return false;
    return new URL(u).origin !== app.host.url;
  });
  expect(foreign, `requests to other origins: ${foreign.join(', ')}`).toEqual([]);
}

/** The WCAG 2.1 A and AA rules axe knows, plus label-content-name-mismatch (WCAG 2.5.3, marked experimental in axe). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on what the page shows now and fails on any violation, listing each
 * rule with the elements it found. `where` names the screen in the message.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: WCAG_TAGS }, rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const violations = result.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`,
  );
  expect(violations, `accessibility violations at ${where}`).toEqual([]);
  // The experimental rule must really have run (axe drops unknown or disabled rules silently).
  const ran = [...result.passes, ...result.violations, ...result.incomplete, ...result.inapplicable].map((r) => r.id);
  expect(ran, 'axe ran label-content-name-mismatch').toContain('label-content-name-mismatch');
}

export { expect };
