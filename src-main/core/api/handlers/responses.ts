// Responses and respondents: the list, one response, its original, split
// corrections, the received date, and resolving who a respondent is.
import { listRespondents, resolveRespondent } from '../../respondents/service';
import { getResponse, listResponses, originalOf } from '../../responses/service';
import { pageResponses } from '../../responses/page';
import { setReceivedDate } from '../../responses/received';
import { eraseResponse, planErasure } from '../../responses/erase';
import { ocrPageOf } from '../../responses/ocr-page';
import { listSnapshots } from '../../backup/snapshot';
import { assignAnswerText } from '../../responses/split';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

export function responseHandlers(
  session: Session,
): Omit<DomainHandlers<'responses' | 'respondents' | 'answers'>, 'responses.setStatus' | 'responses.progress'> {
  const { deps } = session;
  return {
    'responses.list': async (filter) => listResponses(session.requireStore(), filter),
    'responses.page': async (input) => pageResponses(session.requireStore(), input),
    'responses.get': async ({ id }) => getResponse(session.requireStore(), id),
    'responses.original': async ({ id }) => originalOf(session.requireStore(), id),
    'responses.erasePlan': async ({ id }) => {
      const store = session.requireStore();
      const { importedAt, ...plan } = planErasure(store, id);
      const holding = listSnapshots(store.path, session.settings.get().backup).filter((s) => s.takenAt >= importedAt);
      return { ...plan, backupsHoldingIt: holding.length };
    },
    'responses.ocrPage': async ({ id, page }) => ocrPageOf(session.requireStore(), id, page),
    'responses.erase': async ({ id, withRespondent }) => {
      const store = session.requireStore();
      const result = eraseResponse(store, deps, id, withRespondent);
      // Snapshots taken since the response was imported and before now still hold it: the caseworker is told which.
      const snapshots = listSnapshots(store.path, session.settings.get().backup).filter((s) => s.takenAt >= result.importedAt && s.takenAt < result.at);
      return { ...result, backupsHoldingIt: snapshots.map((s) => ({ id: s.id, takenAt: s.takenAt, file: s.file })) };
    },
    'answers.assign': async (input) => {
      const store = session.requireStore();
      const responseId = await assignAnswerText(store, deps, input);
      return getResponse(store, responseId);
    },
    'responses.setReceived': async ({ responseId, date }) => {
      const store = session.requireStore();
      await setReceivedDate(store.db, deps, responseId, date);
      return getResponse(store, responseId);
    },
    'respondents.list': async ({ status }) => listRespondents(session.requireStore(), status),
    'respondents.resolve': async ({ respondentId, municipalityNumber }) => resolveRespondent(session.requireStore(), deps, respondentId, municipalityNumber),
  };
}
