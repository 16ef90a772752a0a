// innspill qdpx export <file.innspill> [--out file.qdpx] [--json]
// innspill qdpx import <file.innspill> <file.qdpx> [--json]
// The project as a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA and QualCoder,
// and a REFI-QDA project's codebook and codings back in (src-main/core/refi).
import { UsageError } from '../errors';
import { parser, type Command } from './parser';

const USAGE = 'innspill qdpx export <file.innspill> [--out file.qdpx] [--json] | innspill qdpx import <file.innspill> <file.qdpx> [--json]';

export const qdpx: Command = {
  parse: parser({ out: { type: 'string' }, json: { type: 'boolean', default: false } }, { min: 2, max: 3, usage: USAGE }),
  async run({ positionals, values }, ctx) {
    const [action, project, file] = positionals;
    if (action === 'export') {
      if (file !== undefined) throw new UsageError(`qdpx export takes the project only (the file goes after --out). Usage: ${USAGE}`);
      await ctx.call('project.open', { path: ctx.projectPath(project) });
      const out = values.out as string | undefined;
      const result = await ctx.call('refi.exportProject', { target: out === undefined ? undefined : ctx.projectPath(out) });
      if (values.json) {
        ctx.io.out(JSON.stringify({ path: result.path, sizeBytes: result.sizeBytes, counts: result.counts }) + '\n');
      } else {
        const c = result.counts;
        ctx.io.out(`${result.path}\n${c.sources} sources, ${c.codes} codes, ${c.codings} codings, ${c.notes} memos, ${c.cases} cases (${result.sizeBytes} bytes)\n`);
      }
      return 0;
    }
    if (action === 'import') {
      if (file === undefined) throw new UsageError(`qdpx import needs the .qdpx file. Usage: ${USAGE}`);
      if (values.out !== undefined) throw new UsageError(`--out is for qdpx export. Usage: ${USAGE}`);
      await ctx.call('project.open', { path: ctx.projectPath(project) });
      const report = await ctx.call('refi.importProject', { path: ctx.projectPath(file) });
      if (values.json) {
        ctx.io.out(JSON.stringify(report, null, 2) + '\n');
        return 0;
      }
      const lines = [
        `codes: ${report.codes.created} created, ${report.codes.updated} updated (${report.codes.total} in the file)`,
        `sources: ${report.sources.matched} of ${report.sources.total} matched to a response`,
        `codings: ${report.codings.created} created, ${report.codings.existing} already there, ${report.codings.skipped} skipped`,
      ];
      for (const u of report.unmatched) lines.push(`  not matched: ${u.source}: ${u.reason}`);
      for (const n of report.notes.slice(0, 50)) lines.push(`  ${n.kind}: ${n.source}, "${n.selection}": ${n.reason}`);
      if (report.notes.length > 50) lines.push(`  … ${report.notes.length - 50} more`);
      ctx.io.out(lines.join('\n') + '\n');
      return 0;
    }
    throw new UsageError(`unknown qdpx action "${action}". Usage: ${USAGE}`);
  },
};
