// "Vedlegg: alle svar": every current response in full, by police district
// (in code order) and municipality (Norwegian order), other respondents last;
// each answer under its question, text not assigned to a question at the end.
import { Paragraph, TextRun } from 'docx';
import { norwegianCompare } from '../../../../src-shared/norwegian';
import type { Unit } from '../../analysis/units';
import { heading, para, textParagraphs, type Block } from './blocks';
import type { MemoContext } from './context';
import { formatDate, formatNumber, respondentLabel } from './format';

interface AnswerRow {
  response_id: string;
  question_id: string | null;
  ordinal: number;
  text: string;
}

/** Answers of the current responses, grouped by response, parts in order. */
async function currentAnswers(ctx: MemoContext): Promise<Map<string, AnswerRow[]>> {
  const rows = await ctx.db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .select(['a.response_id', 'a.question_id', 'a.ordinal', 'a.text'])
    .where('r.is_current', '=', 1)
    .orderBy('a.response_id')
    .orderBy('a.ordinal')
    .orderBy('a.id')
    .execute();
  const out = new Map<string, AnswerRow[]>();
  for (const r of rows) {
    const list = out.get(r.response_id) ?? [];
    list.push(r);
    out.set(r.response_id, list);
  }
  return out;
}

function unitName(u: Unit): string {
  return u.municipality?.name ?? u.respondentName;
}

export async function appendixSection(ctx: MemoContext): Promise<Block[]> {
  const out: Block[] = [heading('Vedlegg: alle svar', 1)];
  const answers = await currentAnswers(ctx);
  const units = [...ctx.units.units.values()].filter((u) => ctx.scope.includes(u));
  const municipalities = units
    .filter((u) => u.municipality)
    .sort((a, b) => a.municipality!.policeDistrictCode.localeCompare(b.municipality!.policeDistrictCode) || norwegianCompare(unitName(a), unitName(b)) || a.key.localeCompare(b.key));
  const others = units.filter((u) => !u.municipality).sort((a, b) => norwegianCompare(a.respondentName, b.respondentName) || a.key.localeCompare(b.key));
  const responses = municipalities.length + others.length;
  out.push(
    para(
      `Alle ${formatNumber(responses)} gjeldende svar${ctx.scope.label ? ` fra kommunene i ${ctx.scope.label}` : ''}, ordnet etter politidistrikt og kommune${others.length > 0 ? ', med andre innsendere til slutt' : ''}. Teksten er gjengitt slik den ble mottatt.`,
    ),
  );
  const questionLabel = new Map(ctx.questions.map((q) => [q.id, `Spørsmål ${q.ordinal}: ${q.shortLabel}`]));

  const responseBlocks = (unit: Unit) => {
    for (const responseId of unit.responseIds) {
      const source = ctx.sources.get(responseId);
      const m = unit.municipality;
      out.push(heading(respondentLabel(m, unit.respondentName), 3));
      const facts = m ? `Kommunenummer ${m.number}, ${m.countyName}, ${formatNumber(m.population)} innbyggere. ` : '';
      const received = source?.receivedDate ? `Mottatt ${formatDate(source.receivedDate)}. ` : '';
      const file = source?.fileName ? `Kilde: ${source.fileName}, ${source.locator}. ` : '';
      out.push(para(`${facts}${received}${file}Innsender: ${source?.respondentName ?? unit.respondentName}. Svar-id ${responseId}.`, { italics: true }));
      const parts = answers.get(responseId) ?? [];
      for (const q of ctx.questions) {
        const text = parts
          .filter((a) => a.question_id === q.id)
          .map((a) => a.text)
          .join('\n')
          .trim();
        out.push(para(questionLabel.get(q.id)!, { bold: true, keepNext: true }));
        out.push(...(text ? textParagraphs(text) : [new Paragraph({ children: [new TextRun({ text: '(ikke besvart)', italics: true, color: '6B7079' })] })]));
      }
      const unassigned = parts.filter((a) => a.question_id === null).map((a) => a.text).join('\n').trim();
      if (unassigned && !ctx.options.questionIds) {
        out.push(para('Ikke fordelt på spørsmål', { bold: true, keepNext: true }));
        out.push(...textParagraphs(unassigned));
      }
    }
  };

  let district: string | null = null;
  for (const unit of municipalities) {
    const m = unit.municipality!;
    if (m.policeDistrictCode !== district) {
      district = m.policeDistrictCode;
      out.push(heading(`${m.policeDistrictName} politidistrikt`, 2));
    }
    responseBlocks(unit);
  }
  if (others.length > 0) {
    out.push(heading('Andre innsendere', 2));
    for (const unit of others) responseBlocks(unit);
  }
  ctx.counts.appendixResponses = units.reduce((n, u) => n + u.responseIds.length, 0);
  return out;
}
