// The `innspill` command. Each subcommand is a module in ./commands; this file
// parses the command line, runs one, and turns failures into a one-line
// message on stderr and a non-zero exit code (stack traces only with --debug).
import path from 'node:path';
import { createCore, type Core } from '../core';
import { defaultConfigDir } from '../core/paths';
import { findResourcesDir } from '../core/reference/load';
import { ApiError } from '../../src-shared/errors';
import type { BackupSnapshot } from '../../src-shared/backup';
import { commands } from './commands';
import { describeSnapshot } from './commands/backup';
import type { CliContext, CliIo, ProgressLine } from './context';
import { UsageError } from './errors';

const USAGE = `Usage: innspill <command> [options]

Commands:
  init <file.innspill> [--template brev-kommunene-2022|blank] [--title T]
  stats <file.innspill> [--json]
  import <file.innspill> <path>... [--mapping file.json] [--label L] [--json]
  search <file.innspill> "<query>" [--json] [--limit N] [--include-superseded]
  erase <file.innspill> <response-id> --yes [--with-respondent] [--json]   (permanent; cannot be undone)
  export docx <file.innspill> --out memo.docx [--appendix] [--to T] [--from F] [--date yyyy-mm-dd]
         [--case-number N] [--subject S] [--questions 1,2] [--districts 01,02] [--json]
  export xlsx <file.innspill> --out book.xlsx [--questions 1,2] [--districts 01,02] [--json]
  export csv <file.innspill> --table svar|koding --out file.csv [--json]
  qdpx export <file.innspill> [--out file.qdpx] [--positions codepoint|utf16] [--json]
  qdpx import <file.innspill> <file.qdpx|file.qdc> [--positions codepoint|utf16] [--json]
  package assign <file.innspill> --to NAME (--districts NN,… | --counties NN,… | --municipalities NNNN,… | --respondents ID,…) [--exclusive]
  package unassign <file.innspill> --to NAME (--all | --districts … | --counties … | --municipalities … | --respondents …)
  package assignments <file.innspill>
  package export <file.innspill> --assignee NAME --out FILE.innspillpakke
  package open <FILE.innspillpakke> --out COPY.innspill
  package return <COPY.innspill> --out FILE.innspillretur
  package merge <file.innspill> <FILE.innspillretur>
  package conflicts <file.innspill> [--all]
  package resolve <file.innspill> <conflict-id> --keep ours|theirs
  (package actions take --json; export, open, return and merge take --passphrase-file F: an encrypted package, its passphrase the file's first line)
  backup list|create <file.innspill> [--json]
  backup verify|restore <file.innspill> [<id>] [--json]   (restore: a new file beside the original; no id: the newest good one)

Options for every command: --author NAME (recorded on changes), --debug`;

/** For a project that will not open: the newest backup that verifies, and how to restore it. */
async function backupHint(core: Core, projectPath: string): Promise<string> {
  const found = await core.dispatch('backup.newestGood', { projectPath });
  if (!found.ok || !found.result) return '';
  const s = found.result as BackupSnapshot;
  return ` A good backup exists: ${describeSnapshot(s)}. Restore it as a new file with: innspill backup restore "${projectPath}" ${s.id}`;
}

export async function run(argv: string[], io: CliIo, cwd = process.cwd()): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === 'help') {
    io.out(USAGE + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`innspill: unknown command "${name}". Run "innspill --help".\n`);
    return 2;
  }
  let core: Core | null = null;
  try {
    const parsed = command.parse(rest);
    core = createCore({
      paths: { resourcesDir: findResourcesDir(__dirname), configDir: defaultConfigDir(), workspaceDir: cwd },
      shell: 'host',
      author: parsed.author ? () => parsed.author! : undefined,
      rememberRecent: false,
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

if (require.main === module) {
  void run(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
