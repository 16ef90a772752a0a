// What every view of an open case needs: the project, the register (to name
// municipalities by number) and a way to move between views. (Views load their
// data through the data layer in api/, which refetches on changes itself.)
import { createContext, useContext } from 'react';
import type { County, Municipality, PoliceDistrict, ProjectSummary } from '../../../../src-shared/domain';

export type ViewId =
  | 'overview'
  | 'responses'
  | 'unanswered'
  | 'import'
  | 'history'
  | 'questions'
  | 'municipalities'
  | 'districts'
  | 'findings'
  | 'coding'
  | 'search'
  | 'analysis'
  | 'agreement'
  | 'team'
  | 'export'
  | 'backups';

/** A place in the case: a view, or one response (with the list it came from). */
export type CaseRoute =
  | { view: Exclude<ViewId, 'responses' | 'findings'> }
  | { view: 'responses'; responseId?: string }
  | { view: 'findings'; findingId?: string };

export interface CaseData {
  project: ProjectSummary;
  counties: County[];
  districts: PoliceDistrict[];
  municipalities: Map<string, Municipality>;
  navigate: (route: CaseRoute) => void;
}

export const CaseContext = createContext<CaseData | null>(null);

export function useCase(): CaseData {
  const value = useContext(CaseContext);
  if (!value) throw new Error('useCase outside a case');
  return value;
}

/** "Herøy (Nordland)": a municipality's name with its county, for names shared by several. */
export function municipalityLabel(m: { name: string; countyName: string }): string {
  return `${m.name} (${m.countyName})`;
}
