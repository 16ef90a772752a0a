// The coding assistant: suggestions and their cross-validated quality (read-only).
import { evaluateSuggestions, suggestionsForResponse } from '../../suggest/service';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

export function suggestHandlers(session: Session): DomainHandlers<'suggest'> {
  return {
    'suggest.forResponse': async (input) => suggestionsForResponse(session.requireStore(), input),
    'suggest.evaluate': async (input) => evaluateSuggestions(session.requireStore(), input),
  };
}
