// innspill import <file.innspill> <path>... [--mapping file.json] [--label L] [--json]
// Ctrl-C cancels the import (task.cancel): it rolls back, says so in one line, exit code 130.
import { readPresetFile } from '../../core/import/presets';
import { isCancelled } from '../../core/import/cancel';
import { UsageError } from '../errors';
import { parser, type Command } from './parser';

const USAGE = 'innspill import <file.innspill> <path>... [--mapping file.json] [--label L] [--json]';

export const importCommand: Command = {
  parse: parser(
    { mapping: { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean', default: false } },
    { min: 2, max: Number.POSITIVE_INFINITY, usage: USAGE },
  ),
  async run({ positionals, values }, ctx) {
    const [project, ...paths] = positionals;
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
    // The import lets the event loop turn, so the signal is handled while it runs.
    const onInterrupt = () => void ctx.call('task.cancel', { task: 'import' });
    process.on('SIGINT', onInterrupt);
    let report;
    try {
      report = await ctx.call('import.run', { paths: resolved, preset, label: values.label as string | undefined });
    } catch (e) {
      if (!isCancelled(e)) throw e;
      ctx.io.err(`innspill import: ${e.message}\n`);
      return 130;
    } finally {
      process.off('SIGINT', onInterrupt);
    }
    // Paths are reported as the user typed them (files inside a folder or ZIP below that).
    const typed = (full: string) => {
      const i = resolved.findIndex((r) => full === r || full.startsWith(r + '/') || full.startsWith(r + '\\'));
      return i < 0 ? full : paths[i] + full.slice(resolved[i].length);
    };
    const files = report.files.map((f) => ({ ...f, path: typed(f.path) }));
    if (values.json) {
      const out = files.map((f) => ({
        path: f.path,
        status: f.status,
        responses: f.responses,
        warnings: f.warnings.map((w) => ({ code: w.code, message: w.message, locator: w.locator ?? null })),
        ...(f.error ? { error: { code: f.error.code, message: f.error.message, locator: f.error.locator ?? null } } : {}),
      }));
      ctx.io.out(JSON.stringify({ files: out }) + '\n');
    } else {
      for (const f of files) {
        const head = `${f.status.padEnd(9)} ${f.path}`;
        if (f.status === 'rejected') ctx.io.out(`${head}: ${f.error?.message}${f.error?.locator ? ` (${f.error.locator})` : ''}\n`);
        else ctx.io.out(`${head}: ${f.responses} responses, ${f.warnings.length} warnings\n`);
        for (const w of f.warnings.slice(0, 20)) ctx.io.out(`          - ${w.message}${w.locator ? ` (${w.locator})` : ''}\n`);
        if (f.warnings.length > 20) ctx.io.out(`          … ${f.warnings.length - 20} more warnings\n`);
      }
    }
    return files.some((f) => f.status === 'rejected') ? 1 : 0;
  },
};
