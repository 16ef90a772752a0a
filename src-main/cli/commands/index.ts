// The command table of the `innspill` CLI.
import { backupCommand } from './backup';
import { erase } from './erase';
import { exportCommand } from './export';
import { importCommand } from './import';
import { init } from './init';
import { packageCommand } from './package';
import { qdpx } from './qdpx';
import { search } from './search';
import { stats } from './stats';
import { suggest } from './suggest';
import type { Command } from './parser';

export const commands: Record<string, Command> = { init, stats, import: importCommand, search, suggest, export: exportCommand, qdpx, package: packageCommand, backup: backupCommand, erase };
