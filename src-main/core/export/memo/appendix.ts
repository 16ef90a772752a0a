// "Vedlegg: alle svar": every current response in full, by police district
// (in code order) and municipality (Norwegian order), other respondents last;
// each answer under its question, text not assigned to a question at the end.
import { Paragraph, TextRun } from 'docx';
import { loadResponseRows, type ResponseWithAnswers } from '../table-data';
import { heading, para, textParagraphs, type Block } from './blocks';
import type { MemoContext } from './context';
import { formatNorwegianDate, formatNorwegianNumber } from '../../../../src-shared/norwegian';
import { passagesAppendix } from './passages';

export async function appendixSection(ctx: MemoContext): Promise<Block[]> {
  const out: Block[] = [heading('Vedlegg: alle svar', 1)];
  // The export tables' rows: in their order, with each answer's parts joined, unassigned text only without a question filter.
  const rows = await loadResponseRows(ctx.db, {
    questionIds: ctx.options.questionIds,
    policeDistrictCodes: ctx.scope.districts?.map((d) => d.code) ?? null,
  }, ctx.privacy.mask);
  const others = rows.filter((r) => !r.municipality).length;
  out.push(
    para(
      `Alle ${formatNorwegianNumber(rows.length)} gjeldende svar${ctx.scope.label ? ` fra kommunene i ${ctx.scope.label}` : ''}, ordnet etter politidistrikt og kommune${others > 0 ? ', med andre innsendere til slutt' : ''}. ${ctx.privacy.mask ? 'Teksten er gjengitt slik den ble mottatt, men med personopplysninger (fødselsnumre, telefonnumre, e-postadresser og adresser) erstattet med en merkelapp.' : 'Teksten er gjengitt slik den ble mottatt.'}`,
    ),
  );

  const responseBlocks = (row: ResponseWithAnswers) => {
    const source = ctx.sources.get(row.responseId);
    const m = row.municipality;
    out.push(heading(ctx.privacy.who(m, row.respondentName), 3));
    const facts = m ? `Kommunenummer ${m.number}, ${m.countyName}, ${formatNorwegianNumber(m.population)} innbyggere. ` : '';
    const received = row.receivedDate ? `Mottatt ${formatNorwegianDate(row.receivedDate)}. ` : '';
    const file = source?.fileName ? `Kilde: ${source.fileName}, ${source.locator}. ` : '';
    out.push(para(`${facts}${received}${file}Innsender: ${ctx.privacy.name(row.respondentName, m?.number ?? null)}. Svar-id ${row.responseId}.`, { italics: true }));
    for (const q of ctx.questions) {
      const text = row.answers.get(q.id);
      out.push(para(`Spørsmål ${q.ordinal}: ${q.shortLabel}`, { bold: true, keepNext: true }));
      out.push(...(text ? textParagraphs(text) : [new Paragraph({ children: [new TextRun({ text: '(ikke besvart)', italics: true, color: '6B7079' })] })]));
    }
    if (row.unassigned) {
      out.push(para('Ikke fordelt på spørsmål', { bold: true, keepNext: true }));
      out.push(...textParagraphs(row.unassigned));
    }
  };

  let district: string | null = null;
  for (const row of rows) {
    const group = row.municipality ? `${row.municipality.policeDistrictName} politidistrikt` : 'Andre innsendere';
    if (group !== district) {
      district = group;
      out.push(heading(group, 2));
    }
    responseBlocks(row);
  }
  ctx.counts.appendixResponses = rows.length;
  out.push(...(await passagesAppendix(ctx)));
  return out;
}
