// User settings (name recorded on changes, language, recent projects, backups), kept
// as a small JSON file in the config folder and parsed with zod on read.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { backupSettingsSchema, DEFAULT_BACKUP_SETTINGS } from '../../../src-shared/backup';
import type { Settings } from '../../../src-shared/domain';

const settingsSchema = z.object({
  userName: z.string().min(1).max(120),
  locale: z.enum(['nb', 'en']),
  recentProjects: z.array(z.string()).max(20),
  backup: backupSettingsSchema,
});

const MAX_RECENT = 10;

function defaultUserName(): string {
  try {
    return os.userInfo().username || 'ukjent';
  } catch {
    return 'ukjent';
  }
}

export class SettingsStore {
  private readonly file: string;
  private cached: Settings | null = null;

  constructor(configDir: string) {
    this.file = path.join(configDir, 'settings.json');
  }

  get(): Settings {
    if (!this.cached) {
      const defaults: Settings = { userName: defaultUserName(), locale: 'nb', recentProjects: [], backup: DEFAULT_BACKUP_SETTINGS };
      try {
        const parsed = settingsSchema.partial().safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
        this.cached = parsed.success ? { ...defaults, ...parsed.data } : defaults;
      } catch {
        this.cached = defaults; // no settings yet, or unreadable: start from defaults
      }
    }
    return this.cached;
  }

  update(patch: Partial<Settings>): Settings {
    // A key present with the value undefined (IPC's structured clone keeps
    // those) means "not given", not "clear it".
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = settingsSchema.parse({ ...this.get(), ...given });
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(next, null, 2));
    renameSync(temp, this.file);
    this.cached = next;
    return next;
  }

  rememberProject(projectPath: string): Settings {
    const recent = [projectPath, ...this.get().recentProjects.filter((p) => p !== projectPath)].slice(0, MAX_RECENT);
    return this.update({ recentProjects: recent });
  }
}
