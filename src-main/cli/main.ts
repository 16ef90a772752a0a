// The `innspill` command. Each subcommand is a module in ./commands; this file
// parses the command line, runs one, and turns failures into a one-line
// message on stderr and a non-zero exit code (stack traces only with --debug).
// --help/-h (overall or per command) and --version/-v are answered here (help.ts).
import path from 'node:path';
import type { Core } from '../core';
import type { Logger } from '../core/deps';
import { ApiError } from '../../src-shared/errors';
import type { BackupSnapshot } from '../../src-shared/backup';
import { version } from '../core/version';
import { commandHelp, overview } from './help';
import type { CliContext, CliIo, ProgressLine } from './context';
import { UsageError } from './errors';

/**
 * The core's log on the command line: everything (with stack traces) under --debug; otherwise only
 * warnings, one line each (a failure is printed once, as the command's one-line error).
 */
function cliLogger(debug: boolean, io: CliIo): Logger {
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    io.err(`innspill ${level}: ${message}${fields ? ' ' + JSON.stringify(fields) : ''}\n`);
  if (debug) return { info: line('info'), warn: line('warn'), error: line('error') };
  return { info() {}, warn: (message) => io.err(`innspill: ${message}\n`), error() {} };
}

/** For a project that will not open: the newest backup that verifies, and how to restore it. */
async function backupHint(core: Core, projectPath: string): Promise<string> {
  const { describeSnapshot } = await import('./commands/backup');
  const found = await core.dispatch('backup.newestGood', { projectPath });
  if (!found.ok || !found.result) return '';
  const s = found.result as BackupSnapshot;
  return ` A good backup exists: ${describeSnapshot(s)}. Restore it as a new file with: innspill backup restore "${projectPath}" ${s.id}`;
}

export async function run(argv: string[], io: CliIo, cwd = process.cwd()): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h') {
    io.out(overview(version));
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v' || name === '-V' || name === 'version') {
    io.out(`innspill ${version}\n`);
    return 0;
  }
  if (name === 'help') {
    const text = rest[0] ? commandHelp(rest[0], rest[1]) : overview(version);
    if (text === null) {
      io.err(`innspill: unknown command "${rest[0]}". Run "innspill --help".\n`);
      return 2;
    }
    io.out(text);
    return 0;
  }
  // The commands and the core load only now, so `--help` and `--version` answer
  // without loading them (the built CLI then starts in well under 0.3 s).
  const { commands } = await import('./commands');
  const command = commands[name];
  if (!command) {
    io.err(`innspill: unknown command "${name}". Run "innspill --help".\n`);
    return 2;
  }
  // --help or -h anywhere before a "--" asks for this command's help.
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (options.includes('--help') || options.includes('-h')) {
    const sub = rest[0] && !rest[0].startsWith('-') ? rest[0] : undefined;
    io.out(commandHelp(name, sub) ?? overview(version));
    return 0;
  }
  let core: Core | null = null;
  try {
    const parsed = command.parse(rest);
    const [{ createCore }, { defaultConfigDir }, { findResourcesDir }] = await Promise.all([
      import('../core'),
      import('../core/paths'),
      import('../core/reference/load'),
    ]);
    core = createCore({
      paths: { resourcesDir: findResourcesDir(__dirname), configDir: defaultConfigDir(), workspaceDir: cwd },
      shell: 'host',
      author: parsed.author ? () => parsed.author! : undefined,
      rememberRecent: false,
      logger: cliLogger(debug, io),
    });
    const c = core;
    const ctx: CliContext = {
      io,
      core: c,
      projectPath(arg) {
        if (!arg) throw new UsageError('missing project file argument (file.innspill)');
        return path.resolve(cwd, arg);
      },
      async call(method, input) {
        const outcome = await c.dispatch(method, input);
        if (!outcome.ok) {
          const { code, message } = outcome.error;
          if (method === 'project.open' && (code === 'CORRUPT' || code === 'NOT_A_PROJECT')) {
            throw new ApiError(code, message + (await backupHint(c, (input as { path: string }).path)));
          }
          throw new ApiError(code, message);
        }
        return outcome.result as never;
      },
    };
    return await command.run(parsed, ctx);
  } catch (e) {
    const error = e as Error;
    const message = error.message.split('\n')[0];
    io.err(`innspill ${name}: ${message}\n`);
    if (debug && error.stack) io.err(error.stack + '\n');
    return e instanceof UsageError ? 2 : 1;
  } finally {
    await core?.dispose();
  }
}

/** The real streams; a progress line only when stderr is a terminal. */
export function processIo(): CliIo {
  const stderr = process.stderr;
  let shown = false;
  const progress: ProgressLine | undefined = stderr.isTTY
    ? {
        draw(line) {
          stderr.write(`\r\x1b[K${line}`);
          shown = true;
        },
        clear() {
          if (shown) stderr.write('\r\x1b[K');
          shown = false;
        },
        get columns() {
          return stderr.columns || 80;
        },
      }
    : undefined;
  return { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), progress };
}
