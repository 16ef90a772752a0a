// The coding workspace: codebook, codings, closed variables, memos, review
// status, and undo/redo through the audit trail.
import type { AuditEntry } from '../../../../src-shared/coding';
import { ApiError } from '../../../../src-shared/errors';
import { redo, undo, undoState } from '../../audit/undo';
import { listCodeGroups } from '../../refi/codeGroups';
import { exportCodebook, importCodebook, readCodebookFile, readCodebookSets } from '../../codebook/exchange';
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
import type { DomainHandlers } from '.';

export function codingHandlers(
  session: Session,
): DomainHandlers<'codebook' | 'codings' | 'variables' | 'memos' | 'workspace' | 'history'> &
  Pick<DomainHandlers<'responses'>, 'responses.setStatus' | 'responses.progress'> {
  const { deps } = session;
  const db = () => session.requireStore().db;
  const changed = (...entities: string[]) => session.emit('data.changed', { entities: [...entities, 'history'] });
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
      changed('codebook');
      return code(id);
    },
    'codebook.update': async ({ id, ...patch }) => {
      await updateCode(db(), deps, id, patch);
      changed('codebook');
      return code(id);
    },
    'codebook.move': async ({ id, parentId, index }) => {
      await moveCode(db(), deps, id, parentId, index);
      changed('codebook');
      return null;
    },
    'codebook.merge': async ({ sourceId, targetId }) => {
      const result = await mergeCodes(db(), deps, sourceId, targetId);
      changed('codebook', 'codings');
      return result;
    },
    'codebook.deletePreview': async ({ id }) => deletePreview(db(), id),
    'codebook.delete': async ({ id }) => {
      const result = await deleteCode(db(), deps, id);
      changed('codebook', 'codings');
      return result;
    },
    'codebook.adoptStarter': async () => {
      const added = await adoptStarterCodebook(db(), deps, session.ref);
      changed('codebook');
      return { added };
    },
    'codebook.export': async ({ format }) => exportCodebook(db(), format, `Innspill ${version}`),
    'codebook.import': async ({ fileName, base64 }) => {
      const bytes = Buffer.from(base64, 'base64');
      const result = await importCodebook(db(), deps, await readCodebookFile(fileName, bytes), readCodebookSets(fileName, bytes));
      changed('codebook');
      return result;
    },

    'codings.create': async (input) => {
      const coding = await createCoding(db(), deps, input);
      changed('codings');
      return coding;
    },
    'codings.update': async ({ id, ...patch }) => {
      const coding = await updateCoding(db(), deps, id, patch);
      changed('codings');
      return coding;
    },
    'codings.delete': async ({ id }) => {
      await deleteCoding(db(), deps, id);
      changed('codings');
      return null;
    },

    'variables.list': async () => listVariables(db()),
    'variables.set': async (input) => {
      await setVariableValue(db(), deps, input);
      changed('variables');
      return null;
    },
    'variables.define': async (input) => {
      const variable = await defineVariable(db(), deps, input);
      changed('variables');
      return variable;
    },
    'variables.remove': async ({ id }) => {
      const result = await removeVariable(db(), deps, id);
      changed('variables');
      return result;
    },

    'memos.get': async ({ targetType, targetId }) => getMemo(db(), targetType, targetId),
    'memos.set': async ({ targetType, targetId, text }) => {
      await setMemo(db(), deps, targetType, targetId, text);
      changed('memos');
      return null;
    },

    'responses.setStatus': async ({ id, status }) => {
      await setStatus(db(), deps, id, status);
      changed('responses');
      return null;
    },
    'responses.progress': async () => codingProgress(session.requireStore()),

    'workspace.response': async ({ id }) => workspaceResponse(session.requireStore(), id),

    'history.state': async () => undoState(db(), deps.author()),
    'history.undo': async () => {
      const state = await undo(db(), deps);
      changed('codebook', 'codings', 'variables', 'memos', 'responses', 'findings', 'stats');
      return state;
    },
    'history.redo': async () => {
      const state = await redo(db(), deps);
      changed('codebook', 'codings', 'variables', 'memos', 'responses', 'findings', 'stats');
      return state;
    },
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
