// Full-text search over answers.
import { searchAnswers } from '../../search/service';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

export function searchHandlers(session: Session): DomainHandlers<'search'> {
  return {
    'search.query': async (input) => searchAnswers(session.requireStore(), input),
  };
}
