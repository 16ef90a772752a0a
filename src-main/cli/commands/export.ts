// innspill export docx|xlsx|csv (synopsis and options: ../help.ts).
// Writes the briefing memo, the workbook or a CSV table through the same
// export API the dialog uses; the memo's heading defaults come from
// export.defaults, as in the dialog. --out is relative to the current
// directory (the API itself would put a relative name in the "Eksport" folder).
import path from 'node:path';
import type { ExportResult, MemoOptionsInput, MemoSectionId } from '../../../src-shared/export';
import { CSV_TABLES, type CsvTable } from '../../../src-shared/export';
import { UsageError } from '../errors';
import { usage } from '../help';
import type { CliContext } from '../context';
import { commaList, parser, type Command, type ParsedCommand } from './parser';

const KINDS = ['docx', 'xlsx', 'csv'] as const;
type Kind = (typeof KINDS)[number];
const USAGE: Record<Kind, string> = { docx: usage('export', 'docx'), xlsx: usage('export', 'xlsx'), csv: usage('export', 'csv') };
const ALL_USAGE = usage('export');

const common = { out: { type: 'string' }, json: { type: 'boolean', default: false } } as const;
const scope = { questions: { type: 'string' }, districts: { type: 'string' } } as const;
const parsers: Record<Kind, (args: string[]) => ParsedCommand> = {
  docx: parser(
    {
      ...common,
      ...scope,
      appendix: { type: 'boolean', default: false },
      to: { type: 'string' },
      from: { type: 'string' },
      date: { type: 'string' },
      'case-number': { type: 'string' },
      subject: { type: 'string' },
    },
    { min: 1, max: 1, usage: USAGE.docx },
  ),
  xlsx: parser({ ...common, ...scope }, { min: 1, max: 1, usage: USAGE.xlsx }),
  csv: parser({ ...common, table: { type: 'string' } }, { min: 1, max: 1, usage: USAGE.csv }),
};

function isKind(value: string | undefined): value is Kind {
  return value !== undefined && (KINDS as readonly string[]).includes(value);
}

/** Question numbers (1-based, as in the letter) → the project's question ids. */
function questionIds(value: string | undefined, questions: { id: string; ordinal: number }[], usage: string): string[] | null {
  if (value === undefined) return null;
  return commaList(value, 'questions', usage).map((item) => {
    const n = Number(item);
    const q = Number.isInteger(n) ? questions.find((x) => x.ordinal === n) : undefined;
    if (!q) throw new UsageError(`--questions: no question ${item} (the project has ${questions.length === 0 ? 'no questions' : `questions 1–${questions.length}`})`);
    return q.id;
  });
}

/** Police district numbers ("01" Oslo … "12" Finnmark; "1" and "p01" work too) → the register's codes ("p01"). */
async function districtCodes(ctx: CliContext, value: string | undefined, usage: string): Promise<string[] | null> {
  if (value === undefined) return null;
  const known = (await ctx.call('registry.policeDistricts', {})).map((d) => d.code);
  const shown = (code: string) => code.replace(/^p/, '');
  return commaList(value, 'districts', usage).map((item) => {
    const code = `p${item.replace(/^p/i, '').padStart(2, '0')}`;
    if (!known.includes(code)) throw new UsageError(`--districts: no police district ${item} (the codes are ${shown(known[0])}–${shown(known[known.length - 1])})`);
    return code;
  });
}

function isoDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) throw new UsageError(`--date must be a date like 2026-11-27, not "${value}"`);
  return value;
}

/** 123456 → "121 kB": whole kilobytes, megabytes with one decimal. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the summary line counts: the responses in a table, the municipalities
 * (and other respondents) a memo covers, the codings in the Koding table.
 */
function headline(counts: Record<string, number>): string[] {
  if (counts.responses !== undefined) return [plural(counts.responses, 'response', 'responses')];
  if (counts.municipalitiesAnswered !== undefined) {
    const out = [plural(counts.municipalitiesAnswered, 'municipality', 'municipalities')];
    if (counts.otherRespondents) out.push(plural(counts.otherRespondents, 'other respondent', 'other respondents'));
    return out;
  }
  if (counts.codings !== undefined) return [plural(counts.codings, 'coding', 'codings')];
  return [];
}

/** "Wrote memo.docx (123 kB, 356 municipalities)". */
export function summaryLine(typed: string, result: ExportResult): string {
  return `Wrote ${typed} (${[formatSize(result.sizeBytes), ...headline(result.counts)].join(', ')})`;
}

export const exportCommand: Command = {
  parse(args) {
    const [kind, ...rest] = args;
    if (!isKind(kind)) {
      throw new UsageError(`${kind ? `unknown export "${kind}"` : 'missing what to export (docx, xlsx or csv)'}. Usage: ${ALL_USAGE}`);
    }
    const parsed = parsers[kind](rest);
    return { ...parsed, positionals: [kind, ...parsed.positionals] };
  },
  async run({ positionals, values }, ctx) {
    const [kind, project] = positionals as [Kind, string];
    const usage = USAGE[kind];
    const out = values.out as string | undefined;
    if (!out) throw new UsageError(`--out is required. Usage: ${usage}`);
    const ext = kind === 'csv' ? '.csv' : `.${kind}`;
    if (path.extname(out).toLowerCase() !== ext) throw new UsageError(`--out must name a ${ext} file, not "${out}"`);
    let table: CsvTable | undefined;
    if (kind === 'csv') {
      const t = values.table as string | undefined;
      if (!t || !(CSV_TABLES as readonly string[]).includes(t)) throw new UsageError(`--table must be ${CSV_TABLES.join(' or ')}. Usage: ${usage}`);
      table = t as CsvTable;
    }
    const date = values.date === undefined ? undefined : isoDate(values.date as string);

    const summary = await ctx.call('project.open', { path: ctx.projectPath(project) });
    // An absolute target: the API would resolve a relative one inside the export folder.
    const target = ctx.projectPath(out);
    let result: ExportResult;
    if (kind === 'docx') {
      const defaults = await ctx.call('export.defaults', {});
      const text = (key: string) => values[key] as string | undefined;
      const sections: MemoSectionId[] = values.appendix ? [...defaults.sections.filter((s) => s !== 'appendix'), 'appendix'] : defaults.sections;
      const options: MemoOptionsInput = {
        metadata: {
          to: text('to') ?? defaults.metadata.to,
          from: text('from') ?? defaults.metadata.from,
          date: date ?? defaults.metadata.date,
          caseNumber: text('case-number') ?? defaults.metadata.caseNumber,
          subject: text('subject') ?? defaults.metadata.subject,
        },
        sections,
        questionIds: questionIds(text('questions'), summary.questions, usage),
        policeDistrictCodes: await districtCodes(ctx, text('districts'), usage),
      };
      result = await ctx.call('export.memo', { options, target });
    } else if (kind === 'xlsx') {
      const options = {
        questionIds: questionIds(values.questions as string | undefined, summary.questions, usage),
        policeDistrictCodes: await districtCodes(ctx, values.districts as string | undefined, usage),
      };
      result = await ctx.call('export.workbook', { options, target });
    } else {
      result = await ctx.call('export.csv', { table: table!, target });
    }

    if (values.json) ctx.io.out(JSON.stringify(result) + '\n');
    else ctx.io.out(summaryLine(out, result) + '\n');
    return 0;
  },
};
