// Opening an exported file outside Electron (local host, CLI): the platform's
// own opener, started detached. Electron passes its `shell` instead.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Desktop } from '../deps';

function launch(command: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore' });
      child.on('error', () => resolve(false));
      child.on('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

export function platformDesktop(platform: NodeJS.Platform = process.platform): Desktop {
  if (platform === 'win32') {
    return {
      openPath: (p) => launch('explorer.exe', [p]),
      showInFolder: (p) => launch('explorer.exe', [`/select,${p}`]),
    };
  }
  const opener = platform === 'darwin' ? 'open' : 'xdg-open';
  return {
    openPath: (p) => launch(opener, [p]),
    showInFolder: (p) => (platform === 'darwin' ? launch('open', ['-R', p]) : launch(opener, [path.dirname(p)])),
  };
}
