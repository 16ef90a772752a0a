// The register in the project file (municipalities, police districts,
// counties), who has not answered, and the case's statistics.
import { listCounties, listMunicipalities, listPoliceDistricts, unanswered } from '../../registry/service';
import { projectStats } from '../../stats/service';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

export function registryHandlers(session: Session): DomainHandlers<'registry' | 'stats'> {
  return {
    'registry.municipalities': async (filter) => listMunicipalities(session.requireStore(), filter),
    'registry.policeDistricts': async () => listPoliceDistricts(session.requireStore()),
    'registry.counties': async () => listCounties(session.requireStore()),
    'registry.unanswered': async () => unanswered(session.requireStore()),
    'stats.get': async () => projectStats(session.requireStore()),
  };
}
