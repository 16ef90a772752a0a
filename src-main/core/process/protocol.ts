// The messages between a transport (Electron main, the local host) and the
// core process: calls and their replies, events, the desktop opener (which
// only the parent may use), and start/stop. Plain data: both Node's IPC
// channel ('advanced' serialization) and Electron's parentPort carry it as a
// structured clone.
import type { EventMap, EventName } from '../../../src-shared/contract';
import type { DispatchResult } from '../api/dispatch';
import type { CorePaths } from '../deps';
import type { CoreOptions } from '../index';

/** What the parent tells the core process to build (createCore's options that survive a copy). */
export interface CoreProcessOptions {
  paths: CorePaths;
  shell: CoreOptions['shell'];
  rememberRecent?: boolean;
  /** Log to stderr (default) or not at all (tests). */
  silent?: boolean;
}

export type DesktopAction = 'open' | 'reveal';

/** Parent → core process. */
export type ToCore =
  | { type: 'init'; options: CoreProcessOptions }
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'desktopDone'; id: number; ok: boolean }
  | { type: 'dispose' };

/** Core process → parent. */
export type FromCore =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; outcome: DispatchResult }
  | { type: 'event'; name: EventName; payload: EventMap[EventName] }
  | { type: 'desktop'; id: number; action: DesktopAction; path: string }
  | { type: 'disposed' };
