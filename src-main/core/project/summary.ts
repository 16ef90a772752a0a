// Reads the case as the UI and the CLI show it: metadata, questions with their
// options, and what register snapshot the project holds.
import type { ProjectSummary, Question } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import { latestSchemaVersion } from '../store/migrations';
import type { Store } from '../store/open';
import { readWorkingCopy } from '../team/origin';

export async function readQuestions(store: Store): Promise<Question[]> {
  const { db } = store;
  const questions = await db.selectFrom('question').selectAll().orderBy('ordinal').execute();
  const options = await db.selectFrom('question_option').selectAll().orderBy('ordinal').execute();
  return questions.map((q) => ({
    id: q.id,
    ordinal: q.ordinal,
    shortLabel: q.short_label,
    text: q.text,
    options: options
      .filter((o) => o.question_id === q.id)
      .map((o) => ({ id: o.id, ordinal: o.ordinal, label: o.label })),
  }));
}

export async function readProjectSummary(store: Store): Promise<ProjectSummary> {
  const { db } = store;
  const project = await db.selectFrom('project').selectAll().executeTakeFirst();
  if (!project) throw new ApiError('CORRUPT', `The project file has no case metadata: ${store.path}`);
  const municipalities = await db
    .selectFrom('municipality')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const districts = await db
    .selectFrom('police_district')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    id: project.id,
    path: store.path,
    title: project.title,
    caseNumber: project.case_number,
    deadline: project.deadline,
    issuer: project.issuer,
    sourceUrl: project.source_url,
    templateId: project.template_id,
    createdAt: project.created_at,
    createdBy: project.created_by,
    schemaVersion: latestSchemaVersion,
    register: {
      name: project.register_name,
      version: project.register_version,
      source: project.register_source,
      licence: project.register_licence,
      municipalityCount: Number(municipalities.n),
      policeDistrictCount: Number(districts.n),
    },
    questions: await readQuestions(store),
    workingCopy: await readWorkingCopy(db),
  };
}
