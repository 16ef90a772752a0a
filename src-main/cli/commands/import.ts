// innspill import (synopsis and options: ../help.ts).
// Prints a line per file as it is committed (or found unchanged, skipped,
// rejected), with a progress bar on stderr when that is a terminal. Ctrl-C
// stops after the current file (it goes in whole) and says what was committed
// and how many files were not; a second Ctrl-C stops at once and rolls the
// open file back. Exit codes: 0 all in, 1 some rejected, 3 some skipped (all
// that could be imported went in), 130 stopped (see README, CLI).
import { readPresetFile } from '../../core/import/presets';
import { isCancelled } from '../../core/import/cancel';
import type { ImportProgress, ImportReport, ImportWarning } from '../../../src-shared/imports';
import { UsageError } from '../errors';
import { usage } from '../help';
import { progressLine } from '../progress-line';
import { parser, type Command } from './parser';

const USAGE = usage('import');

export const EXIT_REJECTED = 1;
export const EXIT_SKIPPED = 3;
export const EXIT_STOPPED = 130;

const SHOWN_WARNINGS = 20;

interface FileLine {
  path: string;
  status: string;
  responses: number;
  warnings: number;
  firstWarnings: ImportWarning[];
  message?: string;
  locator?: string;
}

function fileLines(f: FileLine): string {
  const head = `${f.status.padEnd(9)} ${f.path}`;
  const where = f.locator ? ` (${f.locator})` : '';
  let text =
    f.status === 'rejected' || f.status === 'skipped' || f.status === 'cancelled'
      ? `${head}: ${f.message ?? ''}${where}\n`
      : `${head}: ${f.responses} responses, ${f.warnings} warnings\n`;
  for (const w of f.firstWarnings.slice(0, SHOWN_WARNINGS)) text += `          - ${w.message}${w.locator ? ` (${w.locator})` : ''}\n`;
  if (f.warnings > SHOWN_WARNINGS) text += `          … ${f.warnings - SHOWN_WARNINGS} more warnings\n`;
  return text;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const importCommand: Command = {
  parse: parser(
    { mapping: { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean', default: false } },
    { min: 2, max: Number.POSITIVE_INFINITY, usage: USAGE },
  ),
  async run({ positionals, values }, ctx) {
    const [project, ...paths] = positionals;
    const json = values.json as boolean;
    let preset;
    if (values.mapping) {
      try {
        preset = readPresetFile(ctx.projectPath(values.mapping as string));
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
    }
    await ctx.call('project.open', { path: ctx.projectPath(project) });
    const resolved = paths.map((p) => ctx.projectPath(p));
    // Paths are reported as the user typed them (files inside a folder or ZIP below that).
    const typed = (full: string) => {
      const i = resolved.findIndex((r) => full === r || full.startsWith(r + '/') || full.startsWith(r + '\\'));
      return i < 0 ? full : paths[i] + full.slice(resolved[i].length);
    };

    // The bar lives on stderr's last line: cleared before a file's line is printed, drawn again after.
    const bar = json ? undefined : ctx.io.progress;
    let last: ImportProgress | null = null;
    let finished = 0;
    const unsubscribe = ctx.core.subscribe((event, payload) => {
      if (event !== 'progress') return;
      const p = (payload as { task: string; import?: ImportProgress }).import;
      if (!p || (payload as { task: string }).task !== 'import') return;
      last = p;
      if (pending) askToStop();
      if (p.finished) {
        finished++;
        if (!json) {
          bar?.clear();
          ctx.io.out(fileLines({ ...p.finished, path: typed(p.finished.path) }));
        }
      }
      bar?.draw(progressLine({ ...p, current: p.current && typed(p.current) }, bar.columns));
    });

    // The import lets the event loop turn, so the signal is handled while it runs.
    // Before the import itself starts (a backup snapshot is taken first) there is
    // nothing to cancel yet: the request waits for the import's first event.
    let interrupts = 0;
    let pending = false;
    const askToStop = () => {
      pending = false;
      void ctx.call('task.cancel', { task: 'import', now: interrupts > 1 }).then((r) => {
        if (!r.cancelled) pending = true;
      });
    };
    const onInterrupt = () => {
      interrupts++;
      bar?.clear();
      if (interrupts === 1) ctx.io.err('stopping after the current file (Ctrl-C again to stop now)\n');
      askToStop();
    };
    process.on('SIGINT', onInterrupt);
    let report: ImportReport;
    try {
      report = await ctx.call('import.run', { paths: resolved, preset, label: values.label as string | undefined });
    } catch (e) {
      if (!isCancelled(e)) throw e;
      bar?.clear();
      const total = (last as ImportProgress | null)?.files.total ?? 0;
      ctx.io.err(`innspill import: ${e.message}\n`);
      // Stopped at once: the open file rolled back, it and those after it were not imported. Stopped
      // before the first file began (no progress yet, so no file count): nothing from what was given.
      if (last === null) ctx.io.err(`stopped before the first file: nothing imported from ${paths.join(', ')}\n`);
      else ctx.io.err(`stopped: ${plural(Math.max(0, total - finished), 'file', 'files')} not imported\n`);
      return EXIT_STOPPED;
    } finally {
      process.off('SIGINT', onInterrupt);
      unsubscribe();
    }
    bar?.clear();

    const files = report.files.map((f) => ({ ...f, path: typed(f.path) }));
    if (json) {
      const out = files.map((f) => ({
        path: f.path,
        status: f.status,
        responses: f.responses,
        warnings: f.warnings.map((w) => ({ code: w.code, message: w.message, locator: w.locator ?? null })),
        ...(f.error ? { error: { code: f.error.code, message: f.error.message, locator: f.error.locator ?? null } } : {}),
        ...(f.reason ? { reason: { code: f.reason.code, message: f.reason.message } } : {}),
      }));
      ctx.io.out(JSON.stringify({ files: out, ...(report.stopped ? { stopped: true } : {}) }) + '\n');
    }
    if (report.stopped) {
      const imported = files.filter((f) => f.status === 'imported');
      const responses = imported.reduce((sum, f) => sum + f.responses, 0);
      const notImported = files.filter((f) => f.status === 'cancelled');
      ctx.io.err(`committed: ${plural(imported.length, 'file', 'files')} (${plural(responses, 'response', 'responses')})\n`);
      ctx.io.err(`stopped: ${plural(notImported.length, 'file', 'files')} not imported\n`);
      for (const f of notImported) ctx.io.err(`          - ${f.path}\n`);
      return EXIT_STOPPED;
    }
    if (files.some((f) => f.status === 'rejected')) return EXIT_REJECTED;
    return files.some((f) => f.status === 'skipped') ? EXIT_SKIPPED : 0;
  },
};
