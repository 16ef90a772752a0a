// innspill package …: team work offline (src-main/core/team; synopses and options: ../help.ts).
// --passphrase-file: the package's passphrase is the file's first line (never
// on the command line, where other users and the shell history would see it).
// `merge` exits 0 when everything arrived, 1 when it merged but listed
// conflicts for the lead to decide (or failed; then nothing changed).
import { readFileSync } from 'node:fs';
import type { ConflictView } from '../../../src-shared/team';
import { UsageError } from '../errors';
import { usage } from '../help';
import type { CliContext } from '../context';
import { commaList, parser, type Command, type ParsedCommand } from './parser';

const USAGE = usage('package');

const list = (values: ParsedCommand['values'], option: string): string[] => {
  const value = values[option];
  return typeof value === 'string' ? commaList(value, option, USAGE) : [];
};

function need(values: ParsedCommand['values'], name: string, action: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`package ${action} needs --${name}. Usage: ${usage('package', action)}`);
  return v;
}

/** The selection options as the API takes them; police districts as p01–p12 (01 and p01 both accepted). */
async function selection(values: ParsedCommand['values'], ctx: CliContext) {
  const policeDistrictCodes = list(values, 'districts').map((d) => (/^\d{1,2}$/.test(d) ? `p${d.padStart(2, '0')}` : d));
  const countyNumbers = list(values, 'counties').map((c) => c.padStart(2, '0'));
  const respondentIds = list(values, 'respondents');
  const municipalities = list(values, 'municipalities').map((m) => m.padStart(4, '0'));
  if (municipalities.length > 0) {
    const overview = await ctx.call('team.assignments', {});
    for (const number of municipalities) {
      const found = overview.respondents.filter((r) => r.municipalityNumber === number);
      if (found.length === 0) throw new UsageError(`no respondent in the project is municipality ${number}`);
      respondentIds.push(...found.map((r) => r.respondentId));
    }
  }
  return { policeDistrictCodes, countyNumbers, respondentIds };
}

function printConflict(c: ConflictView): string {
  const where = [c.context.municipalityName && `${c.context.municipalityName} (${c.context.municipalityNumber})`, c.context.questionOrdinal && `Q${c.context.questionOrdinal}`, c.context.variableLabel]
    .filter(Boolean)
    .join(', ');
  const show = (s: ConflictView['ours']) => (s.row === null ? '(deleted)' : [s.summary, s.quote && `«${s.quote}»`].filter(Boolean).join(' ') || '(changed)');
  return [
    `${c.id}  ${c.kind}  ${c.entityType}${where ? `  ${where}` : ''}${c.status === 'resolved' ? `  [${c.resolution}, ${c.resolvedBy}]` : ''}`,
    `    ours   (${c.ours.actor ?? '?'}): ${show(c.ours)}`,
    `    theirs (${c.theirs.actor ?? '?'}): ${show(c.theirs)}`,
  ].join('\n');
}

/** The passphrase from --passphrase-file: the file's first line, as typed (only the line ending removed). */
function passphraseFrom(values: ParsedCommand['values'], ctx: CliContext): string | undefined {
  const file = values['passphrase-file'];
  if (file === undefined) return undefined;
  if (typeof file !== 'string' || file === '') throw new UsageError(`--passphrase-file needs a file. Usage: ${USAGE}`);
  let text: string;
  try {
    text = readFileSync(ctx.projectPath(file), 'utf8');
  } catch {
    throw new UsageError(`cannot read the passphrase file ${file}`);
  }
  const line = text.split(/\r?\n/)[0];
  if (line === '') throw new UsageError(`the passphrase file ${file} is empty`);
  return line;
}

export const packageCommand: Command = {
  parse: parser(
    {
      to: { type: 'string' },
      assignee: { type: 'string' },
      out: { type: 'string' },
      districts: { type: 'string' },
      counties: { type: 'string' },
      municipalities: { type: 'string' },
      respondents: { type: 'string' },
      exclusive: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      keep: { type: 'string' },
      'passphrase-file': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    { min: 2, max: 3, usage: USAGE },
  ),
  async run({ positionals, values }, ctx) {
    const [action, first, second] = positionals;
    const json = values.json === true;
    const print = (data: unknown, text: string) => ctx.io.out(json ? JSON.stringify(data, null, 2) + '\n' : text + '\n');
    const passphrase = passphraseFrom(values, ctx);
    const noSecond = () => {
      if (second !== undefined) throw new UsageError(`package ${action} takes one file. Usage: ${usage('package', action)}`);
    };

    switch (action) {
      case 'assign':
      case 'unassign': {
        noSecond();
        const assignee = need(values, 'to', action);
        await ctx.call('project.open', { path: ctx.projectPath(first) });
        const chosen = await selection(values, ctx);
        const any = chosen.policeDistrictCodes.length + chosen.countyNumbers.length + chosen.respondentIds.length > 0;
        if (action === 'assign') {
          if (!any) throw new UsageError(`package assign needs --districts, --counties, --municipalities or --respondents. Usage: ${usage('package', action)}`);
          const result = await ctx.call('team.assign', { assignee, ...chosen, exclusive: values.exclusive === true });
          print(result, `${assignee}: ${result.assigned} respondents assigned, ${result.unchanged} already assigned${result.moved ? `, ${result.moved} taken from others` : ''} (${result.respondents} selected)`);
        } else {
          if (!any && values.all !== true) throw new UsageError(`package unassign needs --all or a selection. Usage: ${usage('package', action)}`);
          const result = await ctx.call('team.unassign', { assignee, ...chosen, all: values.all === true });
          print(result, `${assignee}: ${result.removed} respondents unassigned`);
        }
        return 0;
      }
      case 'assignments': {
        noSecond();
        await ctx.call('project.open', { path: ctx.projectPath(first) });
        const overview = await ctx.call('team.assignments', {});
        const lines = overview.assignees.map((a) => `${a.assignee}: ${a.respondents} respondents, ${a.responses} responses, ${a.done} done${a.shared ? `, ${a.shared} double-coded` : ''}`);
        lines.push(`unassigned: ${overview.unassigned.respondents} respondents`, `double-coded: ${overview.doubleCoded} respondents`);
        print({ assignees: overview.assignees, unassigned: overview.unassigned, doubleCoded: overview.doubleCoded }, lines.join('\n'));
        return 0;
      }
      case 'export': {
        noSecond();
        const assignee = need(values, 'assignee', action);
        const out = need(values, 'out', action);
        await ctx.call('project.open', { path: ctx.projectPath(first) });
        const result = await ctx.call('team.exportPackage', { assignee, target: ctx.projectPath(out), passphrase });
        print(result, `${result.path}\n${result.encrypted ? 'encrypted ' : ''}work package for ${assignee}: ${result.respondents} respondents, ${result.responses} responses (${result.sizeBytes} bytes)`);
        return 0;
      }
      case 'open': {
        noSecond();
        const out = need(values, 'out', action);
        const summary = await ctx.call('team.openPackage', { path: ctx.projectPath(first), target: ctx.projectPath(out), passphrase });
        const wc = summary.workingCopy!;
        print({ path: summary.path, workingCopy: wc }, `${summary.path}\nworking copy of "${wc.masterTitle}" for ${wc.assignee}: ${wc.respondents} respondents, ${wc.responses} responses`);
        return 0;
      }
      case 'return': {
        noSecond();
        const out = need(values, 'out', action);
        await ctx.call('project.open', { path: ctx.projectPath(first) });
        const result = await ctx.call('team.exportReturn', { target: ctx.projectPath(out), passphrase });
        const parts = Object.entries(result.byEntity).map(([k, v]) => `${v} ${k}`);
        print(result, `${result.path}\n${result.changes} changes${parts.length ? ` (${parts.join(', ')})` : ''} by ${result.actors.join(', ') || 'nobody'}`);
        return 0;
      }
      case 'merge': {
        if (second === undefined) throw new UsageError(`package merge needs the project and the return file. Usage: ${usage('package', action)}`);
        await ctx.call('project.open', { path: ctx.projectPath(first) });
        const report = await ctx.call('team.mergeReturn', { path: ctx.projectPath(second), passphrase });
        const applied = Object.entries(report.applied).map(([k, v]) => `${v} ${k}`);
        const text = report.alreadyMerged
          ? `already merged: nothing changed`
          : `merged ${report.assignee}'s return: ${applied.length ? applied.join(', ') : 'nothing new'} applied, ${report.unchanged} already there, ${report.conflicts} conflicts to decide`;
        print(report, text);
        if (report.conflicts > 0) {
          ctx.io.err(`innspill package merge: ${report.conflicts} conflicts to decide (innspill package conflicts ${first})\n`);
          return 1;
        }
        return 0;
      }
      case 'conflicts': {
        noSecond();
        await ctx.call('project.open', { path: ctx.projectPath(first) });
        const conflicts = await ctx.call('team.conflicts', { status: values.all === true ? 'all' : 'open' });
        print(conflicts, conflicts.length ? conflicts.map(printConflict).join('\n') : 'no conflicts');
        return 0;
      }
      case 'resolve': {
        if (second === undefined) throw new UsageError(`package resolve needs the conflict id. Usage: ${usage('package', action)}`);
        const keep = need(values, 'keep', action);
        if (keep !== 'ours' && keep !== 'theirs') throw new UsageError(`--keep is ours or theirs. Usage: ${usage('package', action)}`);
        await ctx.call('project.open', { path: ctx.projectPath(first) });
        const result = await ctx.call('team.resolveConflict', { id: second, choose: keep });
        print(result, printConflict(result));
        return 0;
      }
      default:
        throw new UsageError(`unknown package action "${action}". Usage: ${USAGE}`);
    }
  },
};
