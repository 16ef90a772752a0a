// innspill init: a new project file from a template (synopsis and options: ../help.ts).
import { templateIdSchema } from '../../../src-shared/contract';
import { UsageError } from '../errors';
import { usage } from '../help';
import { parser, type Command } from './parser';

const USAGE = usage('init');

export const init: Command = {
  parse: parser(
    { template: { type: 'string', default: 'brev-kommunene-2022' }, title: { type: 'string' } },
    { min: 1, max: 1, usage: USAGE },
  ),
  async run({ positionals, values }, ctx) {
    const template = templateIdSchema.safeParse(values.template);
    if (!template.success) {
      throw new UsageError(`unknown template "${String(values.template)}" (brev-kommunene-2022 or blank)`);
    }
    const project = await ctx.call('project.create', {
      path: ctx.projectPath(positionals[0]),
      template: template.data,
      title: values.title as string | undefined,
    });
    ctx.io.out(
      `Created ${project.path}: "${project.title}", ${project.questions.length} questions, ` +
        `${project.register.municipalityCount} municipalities, ${project.register.policeDistrictCount} police districts\n`,
    );
    return 0;
  },
};
