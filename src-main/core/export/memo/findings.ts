// "Funn fra DFØs evalueringer": every finding with at least one link from a
// current response in scope, by report, with how many municipalities
// support, contradict or qualify it (the findings view's counts per police
// district, summed over the memo's districts: municipalities on current
// responses, each once per relation; superseded responses never count) and
// quotes from its links, attributed with footnotes.
import { findingRelations, type FindingEvidence, type FindingRelation, type FindingView } from '../../../../src-shared/findings';
import { findingView, listFindings, listReports } from '../../findings/service';
import { RELATION_LABELS } from '../tables';
import { dataTable, heading, para, quote, spacer, type Block } from './blocks';
import { oncePerMemo, type MemoContext } from './context';
import { formatNorwegianDate, formatNorwegianNumber } from '../../../../src-shared/norwegian';

export interface FindingCounts {
  view: FindingView;
  /** Municipalities in scope per relation. */
  municipalities: Record<FindingRelation, number>;
  /** Other respondents per relation (without a district filter only). */
  others: Record<FindingRelation, number>;
  /** Current evidence from units in scope. */
  evidence: FindingEvidence[];
}

function emptyCounts(): Record<FindingRelation, number> {
  return { stotter: 0, motsier: 0, nyanserer: 0, nytt_forhold: 0 };
}

function inScope(ctx: MemoContext, e: FindingEvidence): boolean {
  if (e.superseded) return false;
  const unit = ctx.units.units.get(ctx.units.unitOfResponse.get(e.responseId) ?? '');
  return unit !== undefined && ctx.scope.includes(unit);
}

const findingsOnce = oncePerMemo<FindingCounts[]>();
export function findingCounts(ctx: MemoContext): Promise<FindingCounts[]> {
  return findingsOnce(ctx, 'findings', async () => {
    const out: FindingCounts[] = [];
    for (const f of await listFindings(ctx.db)) {
      if (findingRelations.every((r) => f.counts[r] === 0)) continue;
      const view = await findingView(ctx.db, f.id);
      const municipalities = emptyCounts();
      for (const d of view.byPoliceDistrict) {
        if (!ctx.scope.includesDistrict(d.code)) continue;
        for (const r of findingRelations) municipalities[r] += d.counts[r];
      }
      const others = emptyCounts();
      if (!ctx.scope.districts) {
        for (const r of findingRelations) others[r] = view.byRelation[r] - municipalities[r];
      }
      const evidence = view.evidence.filter((e) => inScope(ctx, e));
      if (evidence.length === 0) continue;
      out.push({ view, municipalities, others, evidence });
    }
    return out;
  });
}

/** Quotes for a finding: links on codings marked for the memo first, one per respondent. */
async function findingQuotes(ctx: MemoContext, evidence: FindingEvidence[]): Promise<FindingEvidence[]> {
  const limit = ctx.options.quotesPerItem;
  if (limit === 0) return [];
  const codingIds = evidence.flatMap((e) => (e.codingId ? [e.codingId] : []));
  const marked = new Set(
    codingIds.length === 0 ? [] : (await ctx.db.selectFrom('coding').select('id').where('id', 'in', codingIds).where('use_in_memo', '=', 1).execute()).map((r) => r.id),
  );
  const isMarked = (e: FindingEvidence) => e.codingId !== null && marked.has(e.codingId);
  const ordered = [...evidence.filter(isMarked), ...evidence.filter((e) => !isMarked(e))];
  const seen = new Set<string>();
  const out: FindingEvidence[] = [];
  for (const e of ordered) {
    if (seen.has(e.responseId)) continue;
    seen.add(e.responseId);
    out.push(e);
    if (out.length === limit) break;
  }
  return out;
}

function relationSummary(c: FindingCounts): string {
  const parts = findingRelations.map((r) => `${RELATION_LABELS[r].toLowerCase()}: ${formatNorwegianNumber(c.municipalities[r])}`);
  const others = findingRelations.reduce((n, r) => n + c.others[r], 0);
  return `Kommuner som ${parts.join(', ')}.${others > 0 ? ` I tillegg ${formatNorwegianNumber(others)} ${others === 1 ? 'kobling' : 'koblinger'} fra andre innsendere.` : ''}`;
}

export async function findingsSection(ctx: MemoContext): Promise<Block[]> {
  const out: Block[] = [heading('Funn fra DFØs evalueringer', 1)];
  const findings = await findingCounts(ctx);
  ctx.counts.findings = findings.length;
  if (findings.length === 0) {
    out.push(para('Ingen svar er koblet til funn i evalueringene ennå.'));
    return out;
  }
  out.push(
    para(
      `Svarene er koblet til hovedfunn i DFØs evalueringer av nærpolitireformen. Tabellen viser antall kommuner${ctx.scope.label ? ' i utvalget' : ''} per relasjon (gjeldende svar; en kommune telles én gang per funn og relasjon). Funn uten koblinger er ikke med.`,
    ),
    dataTable(
      [{ title: 'Funn', width: 52 }, ...findingRelations.map((r) => ({ title: RELATION_LABELS[r], width: 12, numeric: true }))],
      findings.map((c) => [c.view.finding.statement, ...findingRelations.map((r) => formatNorwegianNumber(c.municipalities[r]))]),
    ),
    spacer(),
  );
  const reports = new Map((await listReports(ctx.db)).map((r) => [r.id, r]));
  let currentReport: string | null | undefined;
  for (const c of findings) {
    const f = c.view.finding;
    if (f.reportId !== currentReport) {
      currentReport = f.reportId;
      const report = f.reportId ? reports.get(f.reportId) : undefined;
      out.push(heading(report ? `${report.key}: ${report.title}` : 'Funn uten rapport', 2));
      if (report && !report.verified) out.push(para('Rapportens identitet er ikke verifisert.', { italics: true }));
      if (report?.published) out.push(para(`Publisert ${formatNorwegianDate(report.published)}.`));
    }
    out.push(heading(f.statement, 3));
    if (f.reference) out.push(para(`Referanse: ${f.reference}.`, { italics: true }));
    out.push(para(relationSummary(c)));
    for (const e of await findingQuotes(ctx, c.evidence)) {
      out.push(
        quote(ctx, {
          responseId: e.responseId,
          who: ctx.privacy.who(e.municipality, e.respondentName),
          questionOrdinal: e.questionOrdinal,
          ...(ctx.privacy.mask ? await ctx.privacy.codingQuote(e.answerId, e.codingId) : { text: e.quote, context: e.quoteContext }),
          note: RELATION_LABELS[e.relation].toLowerCase(),
        }),
      );
    }
  }
  return out;
}
