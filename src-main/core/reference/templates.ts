// Case templates a new project starts from: the 2022 letter to the
// municipalities, or a blank case whose questions the caseworker adds.
import type { TemplateId, TemplateSummary } from '../../../src-shared/domain';
import type { ReferenceData, StarterCode, TemplateExtras } from './load';

export interface TemplateQuestion {
  ordinal: number;
  shortLabel: string;
  text: string;
  options: string[];
}

export interface CaseTemplate {
  id: TemplateId;
  title: string;
  caseNumber: string | null;
  deadline: string | null;
  issuer: string | null;
  sourceUrl: string | null;
  questions: TemplateQuestion[];
  /** Closed variables every project from this template gets. */
  variables: TemplateExtras['variables'];
  /** A codebook the caseworker may adopt. */
  starterCodebook: StarterCode[];
  /** Starts with DFØ's evaluation reports and findings as the findings register. */
  findingsRegister: boolean;
}

export function caseTemplates(ref: ReferenceData): CaseTemplate[] {
  const letter = ref.letter2022;
  return [
    {
      id: 'brev-kommunene-2022',
      title: letter.title,
      caseNumber: letter.caseNumber,
      deadline: letter.deadline,
      issuer: letter.issuer,
      sourceUrl: letter.sourceUrl,
      questions: letter.questions,
      variables: ref.letter2022Extras.variables,
      starterCodebook: ref.letter2022Extras.codebook,
      findingsRegister: true,
    },
    { id: 'blank', title: 'Ny høring', caseNumber: null, deadline: null, issuer: null, sourceUrl: null, questions: [], variables: [], starterCodebook: [], findingsRegister: false },
  ];
}

export function findTemplate(ref: ReferenceData, id: string): CaseTemplate {
  const template = caseTemplates(ref).find((t) => t.id === id);
  if (!template) throw new Error(`Unknown template ${id}`);
  return template;
}

export function summarizeTemplates(ref: ReferenceData): TemplateSummary[] {
  return caseTemplates(ref).map((t) => ({
    id: t.id,
    title: t.title,
    caseNumber: t.caseNumber,
    questionCount: t.questions.length,
  }));
}
