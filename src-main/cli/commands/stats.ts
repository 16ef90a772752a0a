// innspill stats: what a project holds (synopsis and options: ../help.ts).
import { usage } from '../help';
import { parser, type Command } from './parser';

export const stats: Command = {
  parse: parser({ json: { type: 'boolean', default: false } }, { min: 1, max: 1, usage: usage('stats') }),
  async run({ positionals, values }, ctx) {
    await ctx.call('project.open', { path: ctx.projectPath(positionals[0]) });
    const s = await ctx.call('stats.get', {});
    if (values.json) {
      ctx.io.out(JSON.stringify(s) + '\n');
      return 0;
    }
    const lines = [
      `Questions:         ${s.questions}`,
      `Municipalities:    ${s.municipalities}`,
      `Police districts:  ${s.policeDistricts}`,
      `Responses:         ${s.responses.current} current, ${s.responses.superseded} superseded`,
      `Respondents:       ${s.respondents.matched} matched, ${s.respondents.unmatched} unmatched, ${s.respondents.ambiguous} ambiguous`,
      `Answers by question: ${s.answers.byQuestion.join(', ')} (${s.answers.unassigned} unassigned)`,
      `Codings:           ${s.codings}`,
      `Findings:          ${s.findings} (${s.findingLinks} links)`,
    ];
    ctx.io.out(lines.join('\n') + '\n');
    return 0;
  },
};
