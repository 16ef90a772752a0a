// Inter-coder agreement: the report per code and closed variable, the
// disagreements side by side, and the lead's resolution of each.
import { agreementReport, listDisagreements } from '../../agreement/report';
import { resolveDisagreement } from '../../agreement/resolve';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

export function agreementHandlers(session: Session): DomainHandlers<'agreement'> {
  const db = () => session.requireStore().db;
  return {
    'agreement.report': async (input) => agreementReport(db(), input),
    'agreement.disagreements': async (input) => listDisagreements(db(), input),
    'agreement.resolve': async (input) => resolveDisagreement(db(), session.deps, input),
  };
}
