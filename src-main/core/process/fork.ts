// Starts the core process with Node's child_process.fork, for the local host
// and tests (Electron uses its utilityProcess instead, see
// src-main/electron/core.ts). The entry runs from source through tsx, like
// the host itself; structured-clone serialization matches utilityProcess.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Desktop } from '../deps';
import { connectCore, type CoreLink } from './client';
import type { CoreProcessOptions } from './protocol';

export interface ForkedCore extends CoreLink {
  /** The child's process id (tests kill it to prove a crash fails cleanly). */
  pid: number;
}

/** Which file the child runs: the built bundle (out/main/core.js) starts in a fraction of the time tsx needs. */
export interface CoreEntry {
  modulePath: string;
  execArgv: string[];
}

/** This folder's entry.ts, run through tsx. */
export function sourceEntry(): CoreEntry {
  const tsx = pathToFileURL(createRequire(__filename).resolve('tsx')).href;
  return { modulePath: path.join(__dirname, 'entry.ts'), execArgv: ['--import', tsx] };
}

export async function forkCore(options: CoreProcessOptions, desktop: Desktop, entry: CoreEntry = sourceEntry()): Promise<ForkedCore> {
  const child = fork(entry.modulePath, [], {
    execArgv: entry.execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const link = await connectCore(
    {
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(code)),
      kill: () => child.kill('SIGKILL'),
    },
    options,
    desktop,
  );
  return Object.assign(link, { pid: child.pid! });
}
