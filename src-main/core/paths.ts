// Default folders outside Electron (CLI, local host). Electron passes its own.
import os from 'node:os';
import path from 'node:path';

export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.INNSPILL_CONFIG_DIR) return env.INNSPILL_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'Innspill');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Innspill');
  return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'innspill');
}

export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.INNSPILL_PROJECTS_DIR || path.join(os.homedir(), 'Innspill');
}
