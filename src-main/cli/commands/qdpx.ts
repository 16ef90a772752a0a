// innspill qdpx export|import (synopses and options: ../help.ts).
// The project as a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA and QualCoder,
// and a REFI-QDA project's codebook and codings back in (src-main/core/refi);
// a REFI-QDA codebook (.qdc: Taguette, ATLAS.ti) goes in as a codebook.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../src-shared/errors';
import type { RefiImportReport } from '../../../src-shared/refi';
import { UsageError } from '../errors';
import { usage } from '../help';
import { parser, type Command } from './parser';

const USAGE = usage('qdpx');

function positionsOption(value: string | boolean | undefined): 'codepoint' | 'utf16' | undefined {
  if (value === undefined) return undefined;
  if (value === 'codepoint' || value === 'utf16') return value;
  throw new UsageError(`--positions is "codepoint" (the REFI-QDA standard) or "utf16" (NVivo). Usage: ${USAGE}`);
}

/** The report as lines a person reads: what the file holds, how positions were read, what came in, and every reason something did not. */
function reportLines(report: RefiImportReport): string[] {
  const f = report.inFile;
  const lines = [
    `in the file: ${f.sources} sources, ${f.codes} codes, ${f.sets} sets, ${f.selections} selections (${f.codings} codings), ${f.notes} notes, ${f.users} users, ${f.cases} cases`,
    `positions: ${report.positions.basis === 'refused' ? 'REFUSED' : `${report.positions.unit}, CR LF as ${report.positions.crlf}`} (${report.positions.explanation})`,
    `codes: ${report.codes.created} created, ${report.codes.updated} updated (${report.codes.total} in the file)`,
    `sources: ${report.sources.matched} of ${report.sources.total} matched to a response`,
    ...(report.responses.created
      ? [`responses: ${report.responses.created} made from sources (respondents: ${report.responses.matched} matched to the register, ${report.responses.unmatched} not, ${report.responses.ambiguous} ambiguous)`]
      : []),
    `codings: ${report.codings.created} created, ${report.codings.existing} already there, ${report.codings.skipped} skipped`,
  ];
  for (const s of report.skippedBy) lines.push(`  skipped ${s.codings}: ${s.reason}`);
  for (const n of report.notImported) lines.push(`  not imported: ${n.count} ${n.kind} (${n.why})`);
  for (const u of report.unmatched) lines.push(`  not matched: ${u.source}: ${u.reason}`);
  for (const n of report.notes.slice(0, 50)) lines.push(`  ${n.kind}: ${n.source}, "${n.selection}": ${n.reason}`);
  if (report.notes.length > 50) lines.push(`  … ${report.notes.length - 50} more`);
  return lines;
}

export const qdpx: Command = {
  parse: parser({ out: { type: 'string' }, positions: { type: 'string' }, 'as-responses': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } }, { min: 2, max: 3, usage: USAGE }),
  async run({ positionals, values }, ctx) {
    const [action, project, file] = positionals;
    const positions = positionsOption(values.positions);
    if (action === 'export') {
      if (file !== undefined) throw new UsageError(`qdpx export takes the project only (the file goes after --out). Usage: ${usage('qdpx', action)}`);
      await ctx.call('project.open', { path: ctx.projectPath(project) });
      const out = values.out as string | undefined;
      const result = await ctx.call('refi.exportProject', { target: out === undefined ? undefined : ctx.projectPath(out), ...(positions ? { positions } : {}) });
      if (values.json) {
        ctx.io.out(JSON.stringify({ path: result.path, sizeBytes: result.sizeBytes, counts: result.counts }) + '\n');
      } else {
        const c = result.counts;
        ctx.io.out(`${result.path}\n${c.sources} sources, ${c.codes} codes, ${c.codings} codings, ${c.notes} memos, ${c.cases} cases (${result.sizeBytes} bytes)\n`);
      }
      return 0;
    }
    if (action === 'import') {
      if (file === undefined) throw new UsageError(`qdpx import needs the .qdpx or .qdc file. Usage: ${usage('qdpx', action)}`);
      if (values.out !== undefined) throw new UsageError(`--out is for qdpx export. Usage: ${usage('qdpx', action)}`);
      await ctx.call('project.open', { path: ctx.projectPath(project) });
      if (file.toLowerCase().endsWith('.qdc')) {
        // A codebook: only codes (and code groups) in it; positions do not apply.
        if (positions) throw new UsageError(`--positions is for projects (.qdpx), a codebook (.qdc) has no positions. Usage: ${usage('qdpx', action)}`);
        if (values['as-responses']) throw new UsageError(`--as-responses is for projects (.qdpx), a codebook (.qdc) has no sources. Usage: ${usage('qdpx', action)}`);
        let bytes: Buffer;
        try {
          bytes = readFileSync(ctx.projectPath(file));
        } catch {
          throw new ApiError('NOT_FOUND', `File not found: ${file}`);
        }
        const result = await ctx.call('codebook.import', { fileName: path.basename(file), base64: bytes.toString('base64') });
        ctx.io.out(values.json ? JSON.stringify(result, null, 2) + '\n' : `codes: ${result.created} created, ${result.updated} updated\n`);
        return 0;
      }
      const report = await ctx.call('refi.importProject', {
        path: ctx.projectPath(file),
        ...(positions ? { positions } : {}),
        ...(values['as-responses'] ? { sourcesAsResponses: true } : {}),
      });
      ctx.io.out(values.json ? JSON.stringify(report, null, 2) + '\n' : reportLines(report).join('\n') + '\n');
      return 0;
    }
    throw new UsageError(`unknown qdpx action "${action}". Usage: ${USAGE}`);
  },
};
