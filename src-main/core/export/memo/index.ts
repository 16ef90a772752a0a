// The briefing memo (issue 7): gathers what the analyses count, builds the
// chosen sections in the chosen order, and packs them into a deterministic
// Word document. The handler writes the bytes (atomically) and reports.
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { MemoOptions, MemoSectionId } from '../../../../src-shared/export';
import type { ProjectSummary } from '../../../../src-shared/domain';
import type { Turn } from '../../eventLoop';
import type { ReferenceData } from '../../reference/load';
import type { DB } from '../../store/schema';
import { appendixSection } from './appendix';
import type { Block } from './blocks';
import { chartsSection } from './charts';
import { createContext, type MemoContext } from './context';
import { buildDocx } from './document';
import { findingsSection } from './findings';
import { questionsSection } from './questions';
import { stationsSection } from './stations';
import { summarySection } from './summary';

export interface MemoInput {
  db: Kysely<DB>;
  project: ProjectSummary;
  ref: ReferenceData;
  resourcesDir: string;
  options: MemoOptions;
  /** Called after each step: done of total, with what was just done. */
  onProgress?: (done: number, total: number, message: string) => void;
  /** Awaited after each step (eventLoop.ts): lets the core answer reads; throws CANCELLED once the export was stopped. */
  turn?: Turn;
}

export interface Memo {
  bytes: Buffer;
  counts: Record<string, number>;
}

const SECTION_NAMES: Record<MemoSectionId, string> = {
  summary: 'Sammendrag',
  questions: 'Spørsmål',
  findings: 'Funn',
  stations: 'Tjenestesteder',
  charts: 'Figurer',
  appendix: 'Vedlegg',
};

function section(ctx: MemoContext, id: MemoSectionId, resourcesDir: string): Promise<Block[]> {
  switch (id) {
    case 'summary':
      return summarySection(ctx);
    case 'questions':
      return questionsSection(ctx);
    case 'findings':
      return findingsSection(ctx);
    case 'stations':
      return stationsSection(ctx);
    case 'charts':
      return chartsSection(ctx, resourcesDir);
    case 'appendix':
      return appendixSection(ctx);
  }
}

/** The memo's date as a moment: noon UTC of the memo's date (the document's created/modified time). */
export function memoMoment(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

export async function buildMemo(input: MemoInput): Promise<Memo> {
  const { options } = input;
  const total = options.sections.length + 2;
  let done = 0;
  const step = async (message: string) => {
    input.onProgress?.(++done, total, message);
    await input.turn?.();
  };
  const ctx = await createContext({ db: input.db, options, project: input.project, ref: input.ref, fontsDir: path.join(input.resourcesDir, 'fonts') });
  await step('Data');
  const body: Block[] = [];
  for (const id of options.sections) {
    body.push(...(await section(ctx, id, input.resourcesDir)));
    await step(SECTION_NAMES[id]);
  }
  const bytes = await buildDocx(ctx, body, memoMoment(options.metadata.date));
  await step('Dokument');
  // Counts a switched-off section would have set are 0.
  const counts = { municipalitiesAnswered: 0, quotes: 0, findings: 0, images: 0, appendixResponses: 0, ...ctx.counts, footnotes: ctx.notes.count };
  return { bytes, counts };
}
