// The evaluation findings register and links from answers to findings.
import { ApiError } from '../../../../src-shared/errors';
import { exportRegister, importRegister } from '../../findings/import-export';
import {
  deleteFinding,
  deleteReport,
  findingView,
  linkFinding,
  linksForResponse,
  listFindings,
  listReports,
  saveFinding,
  saveReport,
  unlinkFinding,
  updateLink,
} from '../../findings/service';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

export function findingHandlers(session: Session): DomainHandlers<'findings'> {
  const { deps } = session;
  const db = () => session.requireStore().db;
  const one = async <T extends { id: string }>(list: Promise<T[]>, id: string, what: string) => {
    const found = (await list).find((x) => x.id === id);
    if (!found) throw new ApiError('NOT_FOUND', `No ${what} with id ${id}`);
    return found;
  };
  return {
    'findings.reports': async () => listReports(db()),
    'findings.list': async (filter) => listFindings(db(), filter),
    'findings.saveReport': async (input) => {
      const id = await saveReport(db(), deps, input);
      return one(listReports(db()), id, 'report');
    },
    'findings.deleteReport': async ({ id, confirm }) => deleteReport(db(), deps, id, confirm),
    'findings.save': async (input) => {
      const id = await saveFinding(db(), deps, input);
      return one(listFindings(db()), id, 'finding');
    },
    'findings.delete': async ({ id, confirm }) => deleteFinding(db(), deps, id, confirm),
    'findings.link': async (input) => linkFinding(db(), deps, input),
    'findings.updateLink': async ({ id, ...patch }) => updateLink(db(), deps, id, patch),
    'findings.unlink': async ({ id }) => {
      await unlinkFinding(db(), deps, id);
      return null;
    },
    'findings.view': async ({ id }) => findingView(db(), id),
    'findings.forResponse': async ({ responseId }) => linksForResponse(db(), responseId),
    'findings.export': async ({ format }) => exportRegister(db(), format),
    'findings.import': async ({ fileName, base64 }) => importRegister(db(), deps, fileName, Buffer.from(base64, 'base64')),
  };
}
