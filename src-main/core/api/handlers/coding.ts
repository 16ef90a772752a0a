// The coding workspace: codebook, codings, closed variables, memos, review
// status, and undo/redo through the audit trail.
import type { AuditEntry } from '../../../../src-shared/coding';
import { ApiError } from '../../../../src-shared/errors';
import { redo, undo, undoState } from '../../audit/undo';
import { listCodeGroups } from '../../refi/codeGroups';
import { exportCodebook, importCodebook, readCodebookFile, readCodebookSets } from '../../codebook/import-export';
import { createCode, deleteCode, deletePreview, listCodes, mergeCodes, moveCode, updateCode } from '../../codebook/service';
import { adoptStarterCodebook } from '../../codebook/starter';
import {
  createCoding,
  defineVariable,
  deleteCoding,
  getMemo,
  listVariables,
  removeVariable,
  setMemo,
  setStatus,
  setVariableValue,
  updateCoding,
  workspaceResponse,
} from '../../coding/service';
import { codingProgress } from '../../responses/service';
import { version } from '../../version';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

export function codingHandlers(
  session: Session,
): DomainHandlers<'codebook' | 'codings' | 'variables' | 'memos' | 'workspace' | 'history'> &
  Pick<DomainHandlers<'responses'>, 'responses.setStatus' | 'responses.progress'> {
  const { deps } = session;
  const db = () => session.requireStore().db;
  const code = async (id: string) => {
    const found = (await listCodes(db())).find((c) => c.id === id);
    if (!found) throw new ApiError('NOT_FOUND', `No code with id ${id}`);
    return found;
  };

  return {
    'codebook.list': async () => listCodes(db()),
    'codebook.groups': async () => listCodeGroups(db()),
    'codebook.create': async (input) => {
      const id = await createCode(db(), deps, input);
      return code(id);
    },
    'codebook.update': async ({ id, ...patch }) => {
      await updateCode(db(), deps, id, patch);
      return code(id);
    },
    'codebook.move': async ({ id, parentId, index }) => {
      await moveCode(db(), deps, id, parentId, index);
      return null;
    },
    'codebook.merge': async ({ sourceId, targetId }) => mergeCodes(db(), deps, sourceId, targetId),
    'codebook.deletePreview': async ({ id }) => deletePreview(db(), id),
    'codebook.delete': async ({ id }) => deleteCode(db(), deps, id),
    'codebook.adoptStarter': async () => {
      const added = await adoptStarterCodebook(db(), deps, session.ref);
      return { added };
    },
    'codebook.export': async ({ format }) => exportCodebook(db(), format, `Innspill ${version}`),
    'codebook.import': async ({ fileName, base64 }) => {
      const bytes = Buffer.from(base64, 'base64');
      return importCodebook(db(), deps, await readCodebookFile(fileName, bytes), readCodebookSets(fileName, bytes));
    },

    'codings.create': async (input) => createCoding(db(), deps, input),
    'codings.update': async ({ id, ...patch }) => updateCoding(db(), deps, id, patch),
    'codings.delete': async ({ id }) => {
      await deleteCoding(db(), deps, id);
      return null;
    },

    'variables.list': async () => listVariables(db()),
    'variables.set': async (input) => {
      await setVariableValue(db(), deps, input);
      return null;
    },
    'variables.define': async (input) => defineVariable(db(), deps, input),
    'variables.remove': async ({ id }) => removeVariable(db(), deps, id),

    'memos.get': async ({ targetType, targetId }) => getMemo(db(), targetType, targetId),
    'memos.set': async ({ targetType, targetId, text }) => {
      await setMemo(db(), deps, targetType, targetId, text);
      return null;
    },

    'responses.setStatus': async ({ id, status }) => {
      await setStatus(db(), deps, id, status);
      return null;
    },
    'responses.progress': async () => codingProgress(session.requireStore()),

    'workspace.response': async ({ id }) => workspaceResponse(session.requireStore(), id),

    'history.state': async () => undoState(db(), deps.author()),
    'history.undo': async () => undo(db(), deps),
    'history.redo': async () => redo(db(), deps),
    'history.entity': async ({ entityType, entityId }) => {
      const rows = await db()
        .selectFrom('event')
        .selectAll()
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('seq')
        .execute();
      return rows.map(
        (r): AuditEntry => ({
          seq: r.seq,
          at: r.at,
          actor: r.actor,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          before: r.before === null ? null : JSON.parse(r.before),
          after: r.after === null ? null : JSON.parse(r.after),
        }),
      );
    },
  };
}
