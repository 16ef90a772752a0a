// What the app is (name, version, shell, workspace folder) and the user's settings.
import { latestSchemaVersion } from '../../store/migrations';
import { version } from '../../version';
import type { Session } from '../session';
import type { DomainHandlers, ShellInfo } from './types';

export function appHandlers(session: Session, shell: ShellInfo): DomainHandlers<'app' | 'settings'> {
  const { deps, ref } = session;
  return {
    'app.info': async () => ({
      name: 'Innspill',
      version,
      shell: shell.shell,
      workspaceDir: deps.paths.workspaceDir,
      schemaVersion: latestSchemaVersion,
      attributions: ref.attributions,
    }),
    'settings.get': async () => session.settings.get(),
    'settings.update': async ({ backup, ...rest }) =>
      session.settings.update({ ...rest, backup: backup ? { ...session.settings.get().backup, ...backup } : undefined }),
  };
}
