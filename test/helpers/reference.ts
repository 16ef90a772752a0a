// The reference data the tests check against: the shipped copy in resources/
// and, when it is present, the project's shared data folder it is built from.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LetterData, RegisterData } from '../../src-main/core/reference/load';
import { repoRoot, resourcesDir } from './paths';

/** ../shared/data next to the repo (or INNSPILL_SHARED_DATA), or null if absent. */
export const sharedDataDir: string | null = (() => {
  const dir = process.env.INNSPILL_SHARED_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data');
  return existsSync(dir) ? dir : null;
})();

export function readResourceJson<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(path.join(resourcesDir, 'data', name), 'utf8')) as T;
}

export const shippedLetter = (): LetterData => readResourceJson<LetterData>('letter-2022.json');
export const shippedRegister = (): RegisterData => readResourceJson<RegisterData>('register-2022.json');

export interface LetterMetadata {
  title: string;
  var_ref: string;
  hoeringsfrist: string;
  questions_nb: string[];
  question_4_options_nb: string[];
}

/**
 * The 2022 letter as the shared metadata file states it; without the shared
 * folder, the same fields from the shipped copy.
 */
export function letterMetadata(): LetterMetadata {
  if (sharedDataDir) {
    return JSON.parse(readFileSync(path.join(sharedDataDir, 'brev_kommunene_2022_metadata.json'), 'utf8'));
  }
  const letter = shippedLetter();
  return {
    title: letter.title,
    var_ref: letter.caseNumber,
    hoeringsfrist: letter.deadline,
    questions_nb: letter.questions.map((q) => q.text),
    question_4_options_nb: letter.questions[3].options,
  };
}

/** Municipalities per police district, as the shared README lists them. */
export const DISTRICT_COUNTS: Record<string, number> = {
  Oslo: 3,
  Øst: 29,
  Innlandet: 47,
  'Sør-Øst': 42,
  Agder: 24,
  'Sør-Vest': 29,
  Vest: 38,
  'Møre og Romsdal': 26,
  Trøndelag: 39,
  Nordland: 41,
  Troms: 20,
  Finnmark: 18,
};

export const MUNICIPALITY_COUNT = 356;
export const POPULATION_2022 = 5_425_270;
