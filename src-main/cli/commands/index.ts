// The command table of the `innspill` CLI.
import { importCommand } from './import';
import { init } from './init';
import { search } from './search';
import { stats } from './stats';
import type { Command } from './parser';

export const commands: Record<string, Command> = { init, stats, import: importCommand, search };
