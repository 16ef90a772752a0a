// What every service receives instead of reaching for globals: the clock, the
// id generator, the author of changes, a logger and the folders it may use.
import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface CorePaths {
  /** The shipped reference data (resources/). */
  resourcesDir: string;
  /** Where settings are kept. */
  configDir: string;
  /** Default folder for new projects. */
  workspaceDir: string;
}

export interface CoreDeps {
  now: () => Date;
  newId: () => string;
  /** Name recorded on every change (from settings, or the OS user). */
  author: () => string;
  logger: Logger;
  paths: CorePaths;
  desktop: Desktop;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function stderrLogger(prefix = 'innspill'): Logger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    process.stderr.write(`${prefix} ${level}: ${message}${fields ? ' ' + JSON.stringify(fields) : ''}\n`);
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

// Random bytes drawn in blocks: one crypto call per 256 ids, not per id
// (an import writes tens of thousands of rows).
const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;

export const uuidV7 = (): string => {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const random = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  return uuidv7({ random });
};

/** Deterministic ids for tests: well-formed v7-shaped UUIDs from a counter. */
export function sequentialIds(prefix = 0): () => string {
  let n = 0;
  return () => {
    n++;
    const hex = (prefix * 1e9 + n).toString(16).padStart(12, '0');
    return `00000000-0000-7000-8000-${hex}`;
  };
}

/** A clock for tests that advances one second per reading. */
export function steppingClock(start = '2026-01-01T08:00:00.000Z', stepMs = 1000): () => Date {
  let t = Date.parse(start);
  return () => {
    const d = new Date(t);
    t += stepMs;
    return d;
  };
}

/** Hands a file to the operating system: Electron's shell, or the platform opener. */
export interface Desktop {
  openPath(filePath: string): Promise<boolean>;
  showInFolder(filePath: string): Promise<boolean>;
}
