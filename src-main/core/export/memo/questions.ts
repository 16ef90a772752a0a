// One section per question ("Spørsmål N: <short label>"): the most frequent
// codes with the number of municipalities (from the code matrix, so the
// counts are the analysis screen's), and under each code representative
// quotes — those the caseworker marked for the memo first, then the first
// coded quotes in the matrix's order — each attributed with a footnote.
import type { CodeMatrix, MatrixRow } from '../../../../src-shared/analysis';
import type { Question } from '../../../../src-shared/domain';
import { norwegianCompare } from '../../../../src-shared/norwegian';
import { quoteWithSentence } from '../../../../src-shared/sentences';
import { codeMatrix, subtrees } from '../../analysis/matrix';
import { codeTree, type Unit } from '../../analysis/units';
import { dataTable, heading, para, quote, spacer, type Block } from './blocks';
import { addCount, oncePerMemo, type MemoContext } from './context';
import { formatNorwegianNumber } from '../../../../src-shared/norwegian';
import { counted, formatPercent } from './format';

export interface TopCode {
  row: MatrixRow;
  /** Municipalities in scope with the code or a code below it. */
  count: number;
}

export interface QuestionCounts {
  matrix: CodeMatrix;
  /** Municipalities in scope that responded / answered this question. */
  responded: number;
  answered: number;
  top: TopCode[];
}

/** Municipalities counted in `byGroup`, within the memo's districts. */
function scopedCount(ctx: MemoContext, byGroup: Record<string, number>, total: number): number {
  if (!ctx.scope.districts) return total;
  return ctx.scope.districts.reduce((n, d) => n + (byGroup[d.code] ?? 0), 0);
}

const countsOnce = oncePerMemo<QuestionCounts>();
/** The question's code counts and its most frequent codes (with their subcodes), most frequent first. */
export function questionCounts(ctx: MemoContext, question: Question): Promise<QuestionCounts> {
  return countsOnce(ctx, question.id, async () => {
    const matrix = await codeMatrix(ctx.db, { groupBy: 'policeDistrict', questionId: question.id });
    const groups = matrix.groups.filter((g) => ctx.scope.includesDistrict(g.key));
    const wanted = ctx.options.codeIds ? new Set(ctx.options.codeIds) : null;
    const order = new Map(matrix.rows.map((r, i) => [r.codeId, i]));
    const top = matrix.rows
      .filter((row) => !wanted || wanted.has(row.codeId))
      .map((row) => ({ row, count: scopedCount(ctx, row.withDescendants.byGroup, row.withDescendants.total) }))
      .filter((t) => t.count > 0)
      .sort((a, b) => b.count - a.count || order.get(a.row.codeId)! - order.get(b.row.codeId)!)
      .slice(0, ctx.options.topCodes);
    return {
      matrix,
      responded: groups.reduce((n, g) => n + g.responded, 0),
      answered: groups.reduce((n, g) => n + (g.answeredQuestion ?? 0), 0),
      top,
    };
  });
}

interface CodedQuote {
  codingId: string;
  codeId: string;
  answerId: string;
  responseId: string;
  unit: Unit;
  start: number;
  end: number;
  quote: string;
  /** The rest of the quote's sentence (empty when the coding is whole sentences). */
  context: { before: string; after: string };
  marked: boolean;
}

const quotesOnce = oncePerMemo<CodedQuote[]>();
/**
 * Every coded quote on the current answers to a question, in scope, in the
 * order the matrix cell lists them (analysis.matrixCell: municipality name,
 * answer, position) — read once per question instead of once per code.
 */
function questionQuotes(ctx: MemoContext, question: Question): Promise<CodedQuote[]> {
  return quotesOnce(ctx, question.id, async () => {
    const rows = await ctx.db
      .selectFrom('coding as k')
      .innerJoin('answer as a', 'a.id', 'k.answer_id')
      .innerJoin('response as r', 'r.id', 'a.response_id')
      .select(['k.id', 'k.code_id', 'k.answer_id', 'a.response_id', 'k.start_offset', 'k.end_offset', 'k.use_in_memo', 'a.text'])
      .where('r.is_current', '=', 1)
      .where('a.question_id', '=', question.id)
      .execute();
    const out: CodedQuote[] = [];
    for (const r of rows) {
      const { before, coded, after } = quoteWithSentence(r.text, r.start_offset, r.end_offset);
      const unit = ctx.units.units.get(ctx.units.unitOfResponse.get(r.response_id) ?? '');
      if (!unit || !ctx.scope.includes(unit)) continue;
      out.push({
        codingId: r.id,
        codeId: r.code_id,
        answerId: r.answer_id,
        responseId: r.response_id,
        unit,
        start: r.start_offset,
        end: r.end_offset,
        quote: coded,
        context: { before, after },
        marked: r.use_in_memo === 1,
      });
    }
    const name = (q: CodedQuote) => q.unit.municipality?.name ?? q.unit.respondentName;
    return out.sort((a, b) => norwegianCompare(name(a), name(b)) || a.answerId.localeCompare(b.answerId) || a.start - b.start || a.codingId.localeCompare(b.codingId));
  });
}

const subtreesOnce = oncePerMemo<Map<string, string[]>>();
/** Each code's subtree (itself and the codes below it). */
function codeSubtrees(ctx: MemoContext): Promise<Map<string, string[]>> {
  return subtreesOnce(ctx, 'subtrees', async () => subtrees(await codeTree(ctx.db)));
}

/**
 * Up to `quotesPerItem` quotes for a code (with its subcodes) in a question,
 * one per respondent. Codings marked for the memo come first; then quotes
 * not yet shown under another code of this question, then codings of the
 * code itself before those of its subcodes; ties keep the matrix cell's
 * order, so the choice is deterministic.
 */
async function quotesFor(ctx: MemoContext, question: Question, codeId: string, used: Set<string>): Promise<CodedQuote[]> {
  const limit = ctx.options.quotesPerItem;
  if (limit === 0) return [];
  const codes = new Set((await codeSubtrees(ctx)).get(codeId) ?? [codeId]);
  const rank = (q: CodedQuote) => (q.marked ? 0 : 4) + (used.has(q.codingId) ? 2 : 0) + (q.codeId === codeId ? 0 : 1);
  const ordered = (await questionQuotes(ctx, question))
    .filter((q) => codes.has(q.codeId))
    .map((q, i) => ({ q, i }))
    .sort((a, b) => rank(a.q) - rank(b.q) || a.i - b.i);
  const seen = new Set<string>();
  const out: CodedQuote[] = [];
  for (const { q } of ordered) {
    if (seen.has(q.unit.key)) continue;
    seen.add(q.unit.key);
    out.push(q);
    used.add(q.codingId);
    if (out.length === limit) break;
  }
  return out;
}

export function codeLabel(row: MatrixRow): string {
  return row.path.join(' › ');
}

export async function questionSection(ctx: MemoContext, question: Question): Promise<Block[]> {
  const counts = await questionCounts(ctx, question);
  const out: Block[] = [heading(`Spørsmål ${question.ordinal}: ${question.shortLabel}`, 1)];
  out.push(para(question.text, { italics: true }));
  out.push(
    para(
      `${formatNorwegianNumber(counts.answered)} av ${formatNorwegianNumber(counts.responded)} kommuner som har svart${ctx.scope.label ? ' i utvalget' : ''}, har svart på dette spørsmålet.`,
    ),
  );
  if (counts.top.length === 0) {
    out.push(para('Ingen svar på dette spørsmålet er kodet ennå.'));
    return out;
  }
  out.push(
    para(
      `De ${counts.top.length === 1 ? 'hyppigste koden' : `${counts.top.length} hyppigste kodene`}, med antall kommuner som har svar kodet med koden eller en underkode (en kommune telles én gang per kode):`,
    ),
    dataTable(
      [
        { title: 'Kode', width: 60 },
        { title: 'Kommuner', width: 20, numeric: true },
        { title: 'Andel av svarene', width: 20, numeric: true },
      ],
      counts.top.map((t) => [codeLabel(t.row), formatNorwegianNumber(t.count), formatPercent(counts.answered ? t.count / counts.answered : 0)]),
    ),
    spacer(),
  );
  const used = new Set<string>();
  for (const t of counts.top) {
    addCount(ctx, 'codes');
    out.push(heading(codeLabel(t.row), 2));
    out.push(para(`${counted(t.count, 'kommune', 'kommuner')}.`));
    for (const q of await quotesFor(ctx, question, t.row.codeId, used)) {
      const shown = ctx.privacy.mask ? await ctx.privacy.quote(q.answerId, q.start, q.end) : { text: q.quote, context: q.context };
      out.push(quote(ctx, { responseId: q.responseId, who: ctx.privacy.who(q.unit.municipality, q.unit.respondentName), questionOrdinal: question.ordinal, ...shown }));
    }
  }
  return out;
}

export async function questionsSection(ctx: MemoContext): Promise<Block[]> {
  const out: Block[] = [];
  for (const question of ctx.questions) out.push(...(await questionSection(ctx, question)));
  ctx.counts.questions = ctx.questions.length;
  return out;
}
