// Creating a project file from a case template: the case metadata, its
// questions, and a snapshot of the municipality register, in one transaction.
import { ApiError } from '../../../src-shared/errors';
import type { TemplateId } from '../../../src-shared/domain';
import { authoredColumns, recordEvent } from '../audit/record';
import type { CoreDeps } from '../deps';
import type { ReferenceData } from '../reference/load';
import { createStore, PROJECT_EXTENSION, type Store } from '../store/open';
import { findTemplate } from '../reference/templates';
import { seedDfoRegister } from '../findings/starter';

export interface CreateProjectOptions {
  template: TemplateId;
  title?: string;
}

export async function createProject(
  file: string,
  options: CreateProjectOptions,
  deps: CoreDeps,
  ref: ReferenceData,
): Promise<Store> {
  if (!file.toLowerCase().endsWith(PROJECT_EXTENSION)) {
    throw new ApiError('INVALID_INPUT', `A project file name must end with ${PROJECT_EXTENSION}: ${file}`);
  }
  const template = findTemplate(ref, options.template);
  const register = ref.register;
  return createStore(file, async ({ db }) => {
    await db.transaction().execute(async (trx) => {
      const project = {
        ...authoredColumns(deps),
        title: options.title ?? template.title,
        case_number: template.caseNumber,
        deadline: template.deadline,
        issuer: template.issuer,
        source_url: template.sourceUrl,
        template_id: template.id,
        register_name: register.name,
        register_version: register.version,
        register_source: register.source,
        register_licence: register.licence,
      };
      await trx.insertInto('project').values(project).execute();
      await trx
        .insertInto('police_district')
        .values(register.policeDistricts.map((d) => ({ code: d.code, name: d.name })))
        .execute();
      // SQLite limits bound parameters per statement; insert in slices.
      const rows = register.municipalities.map((m) => ({
        number: m.number,
        name: m.name,
        official_name: m.officialName,
        parallel_names: JSON.stringify(m.parallelNames),
        county_number: m.countyNumber,
        county_name: m.countyName,
        police_district_code: m.policeDistrictCode,
        population: m.population,
        admin_centre: m.adminCentre,
        language_form: m.languageForm,
        number_2024: m.number2024 ?? null,
      }));
      for (let i = 0; i < rows.length; i += 50) {
        await trx.insertInto('municipality').values(rows.slice(i, i + 50)).execute();
      }
      const questionIds = new Map<number, string>();
      for (const q of template.questions) {
        const question = { ...authoredColumns(deps), ordinal: q.ordinal, short_label: q.shortLabel, text: q.text };
        questionIds.set(q.ordinal, question.id);
        await trx.insertInto('question').values(question).execute();
        for (const [i, label] of q.options.entries()) {
          await trx
            .insertInto('question_option')
            .values({ ...authoredColumns(deps), question_id: question.id, ordinal: i + 1, label })
            .execute();
        }
      }
      for (const [i, v] of template.variables.entries()) {
        await trx
          .insertInto('variable')
          .values({
            ...authoredColumns(deps),
            key: v.key,
            label: v.label,
            question_id: v.question ? (questionIds.get(v.question) ?? null) : null,
            kind: v.kind,
            options: JSON.stringify(v.options),
            shortcut: v.shortcut ?? null,
            sort_order: i,
          })
          .execute();
      }
      if (template.findingsRegister) await seedDfoRegister(trx, deps, ref.dfoReports);
      await recordEvent(trx, deps, {
        action: 'project.create',
        entityType: 'project',
        entityId: project.id,
        after: { title: project.title, template: template.id, questions: template.questions.length },
      });
    });
  });
}
