// The appendix's "Felles avsnitt": each passage shared by two or more
// respondents, once, with who has it and who had it first by date received —
// limited, like the rest of the memo, to the chosen police districts.
import { formatNorwegianDate, formatNorwegianNumber } from '../../../../src-shared/norwegian';
import { sharedPassages } from '../../analysis/shared-passages';
import { heading, para, type Block } from './blocks';
import type { MemoContext } from './context';

export async function passagesAppendix(ctx: MemoContext): Promise<Block[]> {
  const result = await sharedPassages(ctx.db);
  let districtOf: Map<string, string> | null = null;
  if (ctx.scope.districts) {
    const rows = await ctx.db.selectFrom('municipality').select(['number', 'police_district_code']).execute();
    districtOf = new Map(rows.map((r) => [r.number, r.police_district_code]));
  }
  const inScope = (m: { municipality: { number: string } | null }) =>
    !districtOf || (m.municipality !== null && ctx.scope.includesDistrict(districtOf.get(m.municipality.number) ?? ''));
  const groups = result.groups
    .map((g) => ({ ...g, members: g.members.filter(inScope) }))
    .filter((g) => new Set(g.members.map((m) => m.municipality?.number ?? m.respondentName)).size >= 2);
  const out: Block[] = [heading('Felles avsnitt', 2)];
  out.push(
    para(
      groups.length === 0
        ? `Ingen avsnitt på ${result.minWords} ord eller mer finnes hos flere innsendere.`
        : `${formatNorwegianNumber(groups.length)} avsnitt på minst ${result.minWords} ord finnes hos flere innsendere (små endringer tillatt). Hvert avsnitt er gjengitt én gang, slik den første innsenderen etter mottatt dato skrev det.`,
    ),
  );
  for (const [i, g] of groups.entries()) {
    const respondents = new Set(g.members.map((m) => m.municipality?.number ?? m.respondentName)).size;
    out.push(para(`Avsnitt ${i + 1}: ${formatNorwegianNumber(respondents)} innsendere, ${formatNorwegianNumber(g.words)} ord`, { bold: true, keepNext: true }));
    const first = g.members[0];
    out.push(para(`«${ctx.privacy.mask ? await ctx.privacy.passage(first.answerId, first.start, first.end) : first.text}»`, { italics: true }));
    const who = g.members.map((m) => {
      const name = ctx.privacy.who(m.municipality, m.respondentName);
      const date = m.receivedDate ? formatNorwegianDate(m.receivedDate) : 'uten dato';
      return `${name} (${date}${m.questionOrdinal !== null ? `, spørsmål ${m.questionOrdinal}` : ''}${m.first ? ', først' : ''})`;
    });
    out.push(para(`Hos: ${who.join('; ')}.`));
  }
  ctx.counts.sharedPassages = groups.length;
  return out;
}
