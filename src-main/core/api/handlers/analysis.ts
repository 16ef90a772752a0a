// Analysis: the framework matrix and the quotes behind a cell, code
// co-occurrence, distributions of the closed variables, station candidates
// against the announced stations, and shared text (with coding a whole group).
import { codeMatrix, matrixCell } from '../../analysis/matrix';
import { cooccurrence } from '../../analysis/cooccurrence';
import { codePassages, sharedPassages } from '../../analysis/shared-passages';
import { codeGroup, sharedText } from '../../analysis/shared-text';
import { stationCandidates } from '../../analysis/stations';
import { variableDistributions } from '../../analysis/variables';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

export function analysisHandlers(session: Session): DomainHandlers<'analysis'> {
  const db = () => session.requireStore().db;
  return {
    'analysis.matrix': async (input) => codeMatrix(db(), input),
    'analysis.matrixCell': async (input) => matrixCell(db(), input),
    'analysis.cooccurrence': async (input) => cooccurrence(db(), input),
    'analysis.variables': async ({ groupBy }) => variableDistributions(db(), groupBy),
    'analysis.stationCandidates': async () => stationCandidates(db(), session.ref.newStations),
    'analysis.sharedText': async (input) => sharedText(db(), input),
    'analysis.codeGroup': async (input) => codeGroup(db(), session.deps, input),
    'analysis.sharedPassages': async (input) => sharedPassages(db(), input),
    'analysis.codePassages': async (input) => codePassages(db(), session.deps, input),
  };
}
