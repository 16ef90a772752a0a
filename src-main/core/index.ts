// Assembles the core for a transport: dependencies, session, handler table
// and dispatch. Electron, the local host, the CLI and tests all start here.
import type { CoreDeps, CorePaths, Desktop, Logger } from './deps';
import { platformDesktop } from './platform/opener';
import { stderrLogger, uuidV7 } from './deps';
import { createDispatch, type Dispatch } from './api/dispatch';
import { gatedDispatch } from './api/gate';
import { createHandlers, type Handlers, type ShellInfo } from './api/handlers';
import { Session } from './api/session';
import { SettingsStore } from './settings/service';

export interface CoreOptions {
  paths: CorePaths;
  shell: ShellInfo['shell'];
  logger?: Logger;
  /** Overrides for tests: deterministic ids and clock, fixed author. */
  now?: () => Date;
  newId?: () => string;
  author?: () => string;
  /** Keep opened projects in the settings' recent list (off for the CLI). */
  rememberRecent?: boolean;
  /** Opens exported files; Electron passes its shell, tests a recorder. */
  desktop?: Desktop;
}

export interface Core {
  session: Session;
  handlers: Handlers;
  dispatch: Dispatch;
  /** The session's events (the same shape as a CoreLink's, so a transport takes either). */
  subscribe: Session['subscribe'];
  dispose(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const settings = new SettingsStore(options.paths.configDir);
  const deps: CoreDeps = {
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? uuidV7,
    author: options.author ?? (() => settings.get().userName),
    logger: options.logger ?? stderrLogger(),
    paths: options.paths,
    desktop: options.desktop ?? platformDesktop(),
  };
  const session = new Session(deps, settings, options.rememberRecent ?? true);
  const handlers = createHandlers(session, { shell: options.shell });
  return {
    session,
    handlers,
    dispatch: gatedDispatch(createDispatch(handlers, deps.logger, session)),
    subscribe: (listener) => session.subscribe(listener),
    dispose: () => session.dispose(),
  };
}
