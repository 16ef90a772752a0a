// Each e2e test gets its own local host (in this process) on a fresh project
// folder, and a page whose every request is recorded so tests can prove the
// UI talks to nothing but the host.
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src-main/core';
import { silentLogger } from '../../src-main/core/deps';
import { startHost, type Host } from '../../src-main/host/server';
import { recordingDesktop } from '../helpers/core';

const repoRoot = path.resolve(__dirname, '..', '..');

export interface AppFixture {
  host: Host;
  core: Core;
  projectsDir: string;
  /** What the UI asked the operating system to open (exports). */
  desktop: ReturnType<typeof recordingDesktop>;
  /** Every URL the page requested. */
  requests: string[];
  /** Opens the UI with the session token. */
  open(): Promise<Page>;
}

export const test = base.extend<{ app: AppFixture }>({
  app: async ({ page }, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'innspill-e2e-'));
    const projectsDir = path.join(dir, 'prosjekter');
    const desktop = recordingDesktop();
    const core = createCore({
      paths: {
        resourcesDir: path.join(repoRoot, 'resources'),
        configDir: path.join(dir, 'config'),
        workspaceDir: projectsDir,
      },
      shell: 'host',
      logger: silentLogger,
      author: () => 'E2E Saksbehandler',
      desktop,
    });
    mkdirSync(projectsDir, { recursive: true });
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
    await core.dispose();
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
