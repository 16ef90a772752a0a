// Starts the core in an Electron utilityProcess (as Actual Budget runs its
// loot-core), so a long import or export never blocks the window's events or
// other IPC replies. Exported files are opened here, in the main process,
// which alone has `shell`.
import { shell, utilityProcess } from 'electron';
import { connectCore, type CoreLink } from '../core/process/client';
import type { CoreProcessOptions } from '../core/process/protocol';

/** `modulePath`: the bundled entry, out/main/core.js (see electron.vite.config.ts). */
export function startCoreProcess(modulePath: string, options: CoreProcessOptions): Promise<CoreLink> {
  const child = utilityProcess.fork(modulePath, [], { serviceName: 'Innspill core', stdio: 'inherit' });
  return connectCore(
    {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code: number) => listener(code)),
      kill: () => void child.kill(),
    },
    options,
    {
      openPath: async (p) => (await shell.openPath(p)) === '',
      showInFolder: async (p) => (shell.showItemInFolder(p), true),
    },
  );
}
