// "Sammendrag": how many municipalities answered (of the register's 356, on
// current responses, other respondents apart), by police district and by
// population band, and the key figures of the closed variables. Every count
// comes from the analysis code (units, group totals, variable
// distributions), so the memo says what the analysis screens say.
import type { Distribution, DistributionRow, VariableDistribution } from '../../../../src-shared/analysis';
import { columnsFor, groupTotals, otherRespondents, type Units } from '../../analysis/units';
import { STATION_VARIABLES } from '../../analysis/stations';
import { variableDistributions } from '../../analysis/variables';
import { dataTable, heading, para, spacer, type Block, type Column } from './blocks';
import { addCount, oncePerMemo, type MemoContext } from './context';
import { formatNorwegianDate, formatNorwegianNumber } from '../../../../src-shared/norwegian';
import { counted, formatPercent } from './format';

/** The units within the memo's police districts (all of them without a filter). */
export function scopedUnits(ctx: MemoContext): Units {
  const { units, scope } = ctx;
  if (!scope.districts) return units;
  const kept = new Map([...units.units].filter(([, u]) => scope.includes(u)));
  return {
    register: units.register.filter((m) => scope.includesDistrict(m.policeDistrictCode)),
    units: kept,
    unitOfResponse: new Map([...units.unitOfResponse].filter(([, key]) => kept.has(key))),
  };
}

const groupColumns = (first: string): Column[] => [
  { title: first, width: 36 },
  { title: 'Kommuner', width: 16, numeric: true },
  { title: 'Har svart', width: 16, numeric: true },
  { title: 'Andel', width: 16, numeric: true },
  { title: 'Ikke svart', width: 16, numeric: true },
];

function groupRow(name: string, municipalities: number, responded: number): string[] {
  return [name, formatNorwegianNumber(municipalities), formatNorwegianNumber(responded), formatPercent(municipalities ? responded / municipalities : 0), formatNorwegianNumber(municipalities - responded)];
}

/** A distribution summed over the selected districts (the overall one without a filter). */
export function scopedDistribution(ctx: MemoContext, v: VariableDistribution): Distribution {
  if (!ctx.scope.districts) return v.overall;
  const groups = v.groups.filter((g) => ctx.scope.includesDistrict(g.key));
  const municipalities = groups.reduce((n, g) => n + g.municipalities, 0);
  const responded = groups.reduce((n, g) => n + g.responded, 0);
  const rows: DistributionRow[] = v.overall.rows.map((r) => {
    const count = groups.reduce((n, g) => n + (g.rows.find((x) => x.kind === r.kind && x.value === r.value)?.count ?? 0), 0);
    const base = r.kind === 'ikke_svart' ? municipalities : responded;
    return { ...r, count, share: base ? count / base : 0 };
  });
  return { municipalities, responded, coded: groups.reduce((n, g) => n + g.coded, 0), rows };
}

const variablesOnce = oncePerMemo<VariableDistribution[]>();
/** The closed variables' distributions, overall and per police district (once per memo). */
export function districtVariables(ctx: MemoContext): Promise<VariableDistribution[]> {
  return variablesOnce(ctx, 'variables', async () => (await variableDistributions(ctx.db, 'policeDistrict')).variables);
}

function optionCount(d: Distribution, value: string): DistributionRow | undefined {
  return d.rows.find((r) => r.kind === 'option' && r.value === value);
}

export async function summarySection(ctx: MemoContext): Promise<Block[]> {
  const { db, scope } = ctx;
  const units = scopedUnits(ctx);
  const all = ctx.units.register.length;
  const byDistrict = groupTotals(await columnsFor(db, units.register, 'policeDistrict'), units).filter((g) => scope.includesDistrict(g.key));
  const byBand = groupTotals(await columnsFor(db, units.register, 'populationBand'), units);
  const inScope = units.register.length;
  const responded = byDistrict.reduce((n, g) => n + g.responded, 0);
  ctx.counts.municipalitiesAnswered = responded;
  ctx.counts.municipalitiesInScope = inScope;

  const out: Block[] = [heading('Sammendrag', 1)];
  if (scope.label) {
    out.push(para(`Utvalg: Notatet gjelder bare kommunene i ${scope.label}. Tall og sitater er begrenset til disse kommunene; andre innsendere er ikke med.`, { bold: true }));
    out.push(para(`${formatNorwegianNumber(responded)} av ${formatNorwegianNumber(inScope)} kommuner i utvalget har svart (${formatPercent(inScope ? responded / inScope : 0)}). Registeret har ${formatNorwegianNumber(all)} kommuner i alt.`));
  } else {
    out.push(para(`${formatNorwegianNumber(responded)} av ${formatNorwegianNumber(all)} kommuner har svart (${formatPercent(all ? responded / all : 0)}); ${counted(all - responded, 'kommune', 'kommuner')} har ikke svart. Tallene gjelder gjeldende svar per ${formatNorwegianDate(ctx.options.metadata.date)}; eldre versjoner av et svar er ikke med.`));
    const others = otherRespondents(ctx.units);
    ctx.counts.otherRespondents = others.respondents;
    if (others.respondents > 0) {
      out.push(
        para(
          `I tillegg har ${counted(others.respondents, 'annen innsender', 'andre innsendere')} svart (organisasjoner og navn som ikke er knyttet til én kommune). De er holdt utenfor tallene for kommunene.`,
        ),
      );
    }
  }

  out.push(heading('Svar per politidistrikt', 2));
  out.push(
    dataTable(
      groupColumns('Politidistrikt'),
      byDistrict.map((g) => groupRow(g.name, g.municipalities, g.responded)),
      groupRow('Sum', inScope, responded),
    ),
    spacer(),
  );
  out.push(heading('Svar etter innbyggertall', 2));
  out.push(
    para('Innbyggertall per 1. januar 2022 (kommuneregisteret).'),
    dataTable(
      groupColumns('Innbyggere'),
      byBand.map((g) => groupRow(g.name, g.municipalities, g.responded)),
      groupRow('Sum', inScope, responded),
    ),
    spacer(),
  );

  const variables = await districtVariables(ctx);
  if (variables.length > 0) {
    out.push(heading('Nøkkeltall fra de lukkede variablene', 2));
    out.push(
      para(
        'Antall kommuner per svaralternativ og andel av kommunene som har svart. For flervalg teller en kommune under hvert alternativ den har valgt, så andelene kan summere seg til mer enn 100 %.',
      ),
    );
    const wants = variables.find((v) => v.key === STATION_VARIABLES.wants);
    const offers = variables.find((v) => v.key === STATION_VARIABLES.offers);
    if (wants) {
      const d = scopedDistribution(ctx, wants);
      const yes = optionCount(d, 'ja');
      let sentence = `${counted(yes?.count ?? 0, 'kommune', 'kommuner')} (${formatPercent(yes?.share ?? 0)} av kommunene som har svart) ønsker et nytt tjenestested`;
      const offered = offers ? optionCount(scopedDistribution(ctx, offers), 'ja') : undefined;
      if (offered) sentence += `, og ${counted(offered.count, 'kommune', 'kommuner')} (${formatPercent(offered.share)}) tilbyr lokaler`;
      out.push(para(`${sentence}.`, { bold: true }));
    }
    for (const v of variables) {
      const d = scopedDistribution(ctx, v);
      const question = ctx.project.questions.find((q) => q.id === v.questionId);
      out.push(para(`${v.label}${question ? ` (spørsmål ${question.ordinal})` : ''}${v.kind === 'multi' ? ', flervalg' : ''}`, { bold: true, keepNext: true }));
      out.push(
        dataTable(
          [
            { title: 'Svar', width: 60 },
            { title: 'Kommuner', width: 20, numeric: true },
            { title: 'Andel', width: 20, numeric: true },
          ],
          d.rows.map((r) => [r.label, formatNorwegianNumber(r.count), formatPercent(r.share)]),
        ),
        spacer(),
      );
      addCount(ctx, 'variables');
    }
  }
  return out;
}
