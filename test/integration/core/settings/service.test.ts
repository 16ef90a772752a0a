// User settings on disk, and the author name every change is recorded with.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../src-main/core';
import { silentLogger } from '../../../../src-main/core/deps';
import { SettingsStore } from '../../../../src-main/core/settings/service';
import { testApi, UUID_V7 } from '../../../helpers/api';
import { resourcesDir, tempDir } from '../../../helpers/core';
import { filesIn } from '../../../helpers/files';
import { DEFAULT_BACKUP_SETTINGS } from '../../../../src-shared/backup';

let dir: string;
let cleanup: () => void;
let configDir: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  configDir = path.join(dir, 'config');
});
afterEach(() => cleanup());

const settingsFile = () => path.join(configDir, 'settings.json');

function writeSettingsFile(text: string): void {
  mkdirSync(configDir, { recursive: true });
  writeFileSync(settingsFile(), text);
}

const osUser = (() => {
  try {
    return os.userInfo().username || 'ukjent';
  } catch {
    return 'ukjent';
  }
})();

describe('SettingsStore', () => {
  it('starts from defaults without writing anything', () => {
    expect(new SettingsStore(configDir).get()).toEqual({ userName: osUser, locale: 'nb', recentProjects: [], backup: DEFAULT_BACKUP_SETTINGS });
    expect(existsSync(configDir)).toBe(false);
  });

  it('persists updates, which a new store reads back', () => {
    const store = new SettingsStore(configDir);
    expect(store.update({ userName: 'Kari Nordmann', locale: 'en' })).toEqual({ userName: 'Kari Nordmann', locale: 'en', recentProjects: [], backup: DEFAULT_BACKUP_SETTINGS });
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toMatchObject({ userName: 'Kari Nordmann', locale: 'en' });
    expect(new SettingsStore(configDir).get()).toEqual({ userName: 'Kari Nordmann', locale: 'en', recentProjects: [], backup: DEFAULT_BACKUP_SETTINGS });
    expect(filesIn(configDir)).toEqual(['settings.json']); // no temp file left
  });

  it('keeps the other settings when one is updated', () => {
    const store = new SettingsStore(configDir);
    store.update({ userName: 'Kari Nordmann' });
    store.update({ locale: 'en' });
    expect(new SettingsStore(configDir).get()).toMatchObject({ userName: 'Kari Nordmann', locale: 'en' });
  });

  it('ignores keys given as undefined (structured clone keeps them)', () => {
    const store = new SettingsStore(configDir);
    store.update({ userName: 'Kari Nordmann', locale: 'en' });
    expect(store.update({ userName: 'Ola', locale: undefined })).toMatchObject({ userName: 'Ola', locale: 'en' });
  });

  it('refuses invalid values and keeps the file as it was', () => {
    const store = new SettingsStore(configDir);
    store.update({ userName: 'Kari Nordmann' });
    const before = readFileSync(settingsFile(), 'utf8');
    expect(() => store.update({ userName: '' })).toThrow();
    expect(readFileSync(settingsFile(), 'utf8')).toBe(before);
    expect(store.get().userName).toBe('Kari Nordmann');
  });

  it.each([
    ['not JSON', '{ userName: Kari'],
    ['an unknown locale', JSON.stringify({ userName: 'Kari', locale: 'de', recentProjects: [] })],
    ['a wrong type', JSON.stringify({ userName: 42 })],
    ['an empty file', ''],
  ])('falls back to defaults when the file holds %s', (_label, text) => {
    writeSettingsFile(text);
    expect(new SettingsStore(configDir).get()).toEqual({ userName: osUser, locale: 'nb', recentProjects: [], backup: DEFAULT_BACKUP_SETTINGS });
  });

  it('fills in settings missing from an older file', () => {
    writeSettingsFile(JSON.stringify({ userName: 'Kari Nordmann' }));
    expect(new SettingsStore(configDir).get()).toEqual({ userName: 'Kari Nordmann', locale: 'nb', recentProjects: [], backup: DEFAULT_BACKUP_SETTINGS });
  });

  it('remembers recent projects newest first, without duplicates', () => {
    const store = new SettingsStore(configDir);
    store.rememberProject('/p/a.innspill');
    store.rememberProject('/p/b.innspill');
    store.rememberProject('/p/a.innspill');
    expect(new SettingsStore(configDir).get().recentProjects).toEqual(['/p/a.innspill', '/p/b.innspill']);
  });

  it('keeps at most ten recent projects', () => {
    const store = new SettingsStore(configDir);
    for (let i = 1; i <= 12; i++) store.rememberProject(`/p/${i}.innspill`);
    const recent = new SettingsStore(configDir).get().recentProjects;
    expect(recent).toHaveLength(10);
    expect(recent[0]).toBe('/p/12.innspill');
    expect(recent.at(-1)).toBe('/p/3.innspill');
  });
});

describe('the author of changes', () => {
  /** A core as the app builds it: real ids and clock, author from settings. */
  const appCore = () => createCore({ paths: { resourcesDir, configDir, workspaceDir: dir }, shell: 'host', logger: silentLogger });

  it('is the userName from settings, read at the time of each change', async () => {
    const core = appCore();
    const api = testApi(core);
    try {
      await api.settings.update({ userName: 'Kari Nordmann' });
      const first = await api.project.create({ path: 'a.innspill' });
      expect(first.createdBy).toBe('Kari Nordmann');
      expect(first.id).toMatch(UUID_V7);
      const event = await core.session.current!.db.selectFrom('event').select(['actor', 'id']).executeTakeFirstOrThrow();
      expect(event.actor).toBe('Kari Nordmann');
      expect(event.id).toMatch(UUID_V7);

      await api.settings.update({ userName: 'Ola Nordmann' });
      expect((await api.project.create({ path: 'b.innspill' })).createdBy).toBe('Ola Nordmann');
    } finally {
      await core.dispose();
    }
  });

  it('is the OS user before a name is set', async () => {
    const core = appCore();
    try {
      expect((await testApi(core).project.create({ path: 'a.innspill' })).createdBy).toBe(osUser);
    } finally {
      await core.dispose();
    }
  });

  it('comes from the settings file a previous session saved', async () => {
    new SettingsStore(configDir).update({ userName: 'Kari Nordmann' });
    const core = appCore();
    try {
      expect(await testApi(core).settings.get()).toMatchObject({ userName: 'Kari Nordmann' });
      expect((await testApi(core).project.create({ path: 'a.innspill' })).createdBy).toBe('Kari Nordmann');
      expect((await testApi(core).settings.get()).recentProjects).toEqual([path.join(dir, 'a.innspill')]);
    } finally {
      await core.dispose();
    }
  });

  it('settings.update through the API ignores undefined keys instead of failing', async () => {
    const core = appCore();
    try {
      const api = testApi(core);
      await api.settings.update({ locale: 'en' });
      expect(await api.settings.update({ userName: 'Kari', locale: undefined })).toMatchObject({ userName: 'Kari', locale: 'en' });
    } finally {
      await core.dispose();
    }
  });
});
