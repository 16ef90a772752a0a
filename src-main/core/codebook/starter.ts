// Adopting the template's starter codebook: one undoable action that adds the
// codes (with their scope, colour and rule) next to any the caseworker has.
import type { Kysely } from 'kysely';
import { ApiError } from '../../../src-shared/errors';
import { ChangeSet } from '../audit/changes';
import type { CoreDeps } from '../deps';
import { findTemplate } from '../reference/templates';
import type { ReferenceData, StarterCode } from '../reference/load';
import type { DB } from '../store/schema';
import { createCodeIn } from './service';

export async function adoptStarterCodebook(db: Kysely<DB>, deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>, ref: ReferenceData): Promise<number> {
  const project = await db.selectFrom('project').select('template_id').executeTakeFirstOrThrow();
  const template = findTemplate(ref, project.template_id);
  if (template.starterCodebook.length === 0) throw new ApiError('NOT_FOUND', 'This case template has no starter codebook');
  return db.transaction().execute(async (trx) => {
    const c = new ChangeSet(trx, deps, 'codebook.adopt');
    const questions = new Map((await trx.selectFrom('question').select(['id', 'ordinal']).execute()).map((q) => [q.ordinal, q.id]));
    const existing = await trx.selectFrom('code').select(['id', 'parent_id', 'name', 'shortcut']).execute();
    const taken = new Set(existing.flatMap((e) => (e.shortcut ? [e.shortcut] : [])));
    let added = 0;
    const add = async (codes: StarterCode[], parentId: string | null, question: number | undefined) => {
      for (const code of codes) {
        const scope = code.question ?? question;
        // A code of the same name at the same place is kept, not duplicated.
        const same = existing.find((e) => e.parent_id === parentId && e.name.toLocaleLowerCase('nb') === code.name.toLocaleLowerCase('nb'));
        let id = same?.id;
        if (!id) {
          const shortcut = code.shortcut && !taken.has(code.shortcut) ? code.shortcut : null;
          if (shortcut) taken.add(shortcut);
          id = (
            await createCodeIn(c, {
              name: code.name,
              parentId,
              description: code.description,
              colour: code.colour,
              questionId: scope ? (questions.get(scope) ?? null) : null,
              shortcut,
            })
          ).id;
          added++;
        }
        await add(code.children, id, scope);
      }
    };
    await add(template.starterCodebook, null, undefined);
    return added;
  });
}
