// What a CLI command gets to work with: its output streams, the core behind the
// same validated dispatch the UI uses, and project path resolution. Kept apart
// from main.ts so the commands do not import the module that imports them.
import type { Core } from '../core';
import type { MethodInput, MethodName, MethodResult } from '../../src-shared/contract';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** A line redrawn in place on stderr: given only when stderr is a terminal (never when piped). */
  progress?: ProgressLine;
}

export interface ProgressLine {
  draw(line: string): void;
  clear(): void;
  /** The terminal's width, so the line never wraps. */
  columns: number;
}

export interface CliContext {
  io: CliIo;
  /** Calls the core through the same validated dispatch the UI uses. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  core: Core;
  /** Resolves a project path argument against the working directory. */
  projectPath(arg: string | undefined): string;
}
