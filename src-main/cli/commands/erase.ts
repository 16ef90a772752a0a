// innspill erase (synopsis and options: ../help.ts).
// «Slett besvarelse permanent» from the command line (core: responses/erase.ts):
// the response (and its respondent if asked) is erased for good, its text
// scrubbed from the audit trail and the search index. Without --yes nothing
// happens: the erasure cannot be undone. Snapshots that still hold the text are listed.
import { UsageError } from '../errors';
import { usage } from '../help';
import { parser, type Command } from './parser';

const USAGE = usage('erase');

export const erase: Command = {
  parse: parser(
    { yes: { type: 'boolean', default: false }, 'with-respondent': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    { min: 2, max: 2, usage: USAGE },
  ),
  async run({ positionals, values }, ctx) {
    if (values.yes !== true) {
      throw new UsageError(`Sletting kan ikke angres: legg til --yes for å bekrefte / Erasure cannot be undone: add --yes to confirm. Usage: ${USAGE}`);
    }
    await ctx.call('project.open', { path: ctx.projectPath(positionals[0]) });
    const result = await ctx.call('responses.erase', { id: positionals[1], withRespondent: values['with-respondent'] === true, confirm: true });
    if (values.json) {
      ctx.io.out(JSON.stringify(result, null, 2) + '\n');
      return 0;
    }
    const lines = [
      `Erased response ${result.responseId}${result.respondentId ? ` and respondent ${result.respondentId}` : ''} (erasure ${result.erasureId}, ${result.at}, by ${result.by})`,
      `Rows: ${Object.entries(result.counts).map(([table, n]) => `${table} ${n}`).join(', ')}`,
      ...(result.sourceFile && !result.sourceFile.erased
        ? [
            `Kildefilen ${result.sourceFile.name} er beholdt: ${result.sourceFile.sharedWith} annen/andre besvarelse(r) kom fra den, og originalen i den inneholder fortsatt denne besvarelsens tekst / ` +
              `The source file was kept: ${result.sourceFile.sharedWith} other response(s) came from it, and its original still holds this response's text.`,
          ]
        : []),
      result.backupsHoldingIt.length === 0
        ? 'No backup snapshot holds the erased response.'
        : `These backup snapshots were taken before the erasure and still hold it (delete them to erase it there too):\n${result.backupsHoldingIt.map((b) => `  ${b.id}  ${b.takenAt}  ${b.file}`).join('\n')}`,
    ];
    ctx.io.out(lines.join('\n') + '\n');
    return 0;
  },
};
