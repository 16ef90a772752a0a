// Each e2e test gets its own local host on a fresh project folder, with the
// core in its own child process as `npm start` runs it (the built
// out/main/core.js, the same file Electron forks), and a page whose every
// request is recorded so tests can prove the UI talks to nothing but the host.
import { test as base, expect, type Page, type Request } from '@playwright/test';
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
}

export const test = base.extend<{ app: AppFixture }>({
  app: async ({ page }, use) => {
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
    });
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

export { expect };
