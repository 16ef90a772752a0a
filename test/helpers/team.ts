// Helpers for the team-work tests: a lead's master project (the coding
// helpers' four municipalities), colleagues on "other laptops" (own folder,
// own ids, own name), and the round trip package → working copy → return →
// merge through the API.
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Core } from '../../src-main/core';
import type { ApiClient } from '../../src-shared/client';
import type { MergeReport } from '../../src-shared/team';
import { testApi } from './api';
import { codingProject, loadResponses, switchableCore, type CodingProject, type ResponseRef } from './coding';
import { tempDir } from './core';

export const LEAD = 'Leder Lise';

export interface Laptop {
  name: string;
  dir: string;
  core: Core;
  api: ApiClient;
  /** Current responses in the working copy, by municipality number. */
  responses: Map<string, ResponseRef>;
  response(number: string): ResponseRef;
  dispose(): Promise<void>;
}

let nextPrefix = 10;

/** A colleague's laptop: its own workspace folder, ids and name; nothing open yet. */
export function laptop(name: string): Laptop {
  const { dir, cleanup } = tempDir('innspill-laptop-');
  const { core, setAuthor } = switchableCore(dir, nextPrefix++);
  setAuthor(name);
  const api = testApi(core);
  const self: Laptop = {
    name,
    dir,
    core,
    api,
    responses: new Map(),
    response(number) {
      const r = self.responses.get(number);
      if (!r) throw new Error(`${name}'s copy has no response from ${number}`);
      return r;
    },
    async dispose() {
      await core.dispose();
      cleanup();
    },
  };
  return self;
}

/** The lead's master project with the four municipalities imported. */
export async function masterProject(): Promise<CodingProject> {
  const project = await codingProject();
  project.setAuthor(LEAD);
  return project;
}

/**
 * Around every test of the file: a fresh master and the colleague's laptop,
 * handed to `set` (which may prepare more), and both cleaned up afterwards.
 */
export function masterAndLaptopEachTest(name: string, set: (master: CodingProject, colleague: Laptop) => void | Promise<void>): void {
  let master: CodingProject | undefined;
  let colleague: Laptop | undefined;
  beforeEach(async () => {
    master = await masterProject();
    colleague = laptop(name);
    await set(master, colleague);
  });
  afterEach(async () => {
    await colleague?.dispose();
    await master?.cleanup();
    master = colleague = undefined;
  });
}

/** Exports the assignee's work package from the master and opens it on the laptop. */
export async function handOut(master: CodingProject, colleague: Laptop): Promise<{ packagePath: string; packageId: string }> {
  const exported = await master.api.team.exportPackage({ assignee: colleague.name, target: path.join(master.dir, `${colleague.name}.innspillpakke`) });
  await colleague.api.team.openPackage({ path: exported.path, target: 'arbeidskopi.innspill' });
  colleague.responses = await loadResponses(colleague.api);
  return { packagePath: exported.path, packageId: exported.packageId };
}

let returns = 0;

/** Writes the laptop's return package (into the master's folder, as if carried over) and returns its path. */
export async function takeBack(master: CodingProject, colleague: Laptop): Promise<string> {
  const result = await colleague.api.team.exportReturn({ target: path.join(master.dir, `${colleague.name}-${++returns}.innspillretur`) });
  return result.path;
}

export async function merge(master: CodingProject, file: string): Promise<MergeReport> {
  return master.api.team.mergeReturn({ path: file });
}
