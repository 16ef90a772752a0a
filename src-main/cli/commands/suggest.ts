// innspill suggest (synopsis and options: ../help.ts).
// The coding assistant on the command line: the current code suggestions for
// one response, or the cross-validated quality per code. Read-only: it never
// codes anything, and nothing leaves the machine.
import type { CodeQuality } from '../../../src-shared/suggest';
import { UsageError } from '../errors';
import { usage } from '../help';
import { parser, type Command } from './parser';

const USAGE = usage('suggest');

const figure = (x: number | null) => (x === null ? '–' : x.toFixed(2));

function qualityLine(q: CodeQuality): string {
  const state = q.status === 'ready' ? 'suggests' : q.status === 'needsExamples' ? `needs ${q.examplesNeeded} more examples` : 'precision too low';
  return `  ${q.codeName}: ${q.examples} examples, precision ${figure(q.precision)}, recall ${figure(q.recall)}, F1 ${figure(q.f1)} — ${state}`;
}

export const suggest: Command = {
  parse: parser({ json: { type: 'boolean', default: false }, response: { type: 'string' }, evaluate: { type: 'boolean', default: false } }, { min: 1, max: 1, usage: USAGE }),
  async run({ positionals, values }, ctx) {
    const responseId = values.response as string | undefined;
    if ((responseId === undefined) === (values.evaluate !== true)) throw new UsageError(`Give either --response ID or --evaluate. Usage: ${USAGE}`);
    await ctx.call('project.open', { path: ctx.projectPath(positionals[0]) });
    if (values.evaluate) {
      const evaluation = await ctx.call('suggest.evaluate', {});
      if (values.json) ctx.io.out(JSON.stringify(evaluation, null, 2) + '\n');
      else {
        const lines = [`Cross-validated (${evaluation.folds}-fold) on ${evaluation.labelledAnswers} coded answers, threshold ${evaluation.threshold}:`, ...evaluation.codes.map(qualityLine)];
        ctx.io.out(lines.join('\n') + '\n');
      }
      return 0;
    }
    const result = await ctx.call('suggest.forResponse', { responseId: responseId! });
    if (values.json) {
      ctx.io.out(JSON.stringify(result, null, 2) + '\n');
      return 0;
    }
    if (result.superseded) {
      ctx.io.out('This response was replaced by a later one: no suggestions.\n');
      return 0;
    }
    const lines: string[] = [];
    for (const a of result.answers) {
      const label = a.questionOrdinal === null ? 'Unassigned' : `Q${a.questionOrdinal}`;
      if (a.coded) lines.push(`${label}: already coded`);
      else if (a.suggestions.length === 0) lines.push(`${label}: no suggestions`);
      for (const s of a.suggestions) {
        lines.push(`${label}: ${s.codeName} (${s.probability.toFixed(2)}) — «${s.span.text}» — words: ${s.words.map((w) => w.text).join(', ')}`);
      }
    }
    ctx.io.out(lines.join('\n') + '\n');
    return 0;
  },
};
