// A small project for the workbook and CSV export tests, built through the
// API as a caseworker would, where every cell of the export is known by hand:
//
//   0301 Oslo        Oslo (01)        30.05.2022  Q1 has two parts; unassigned text moved out of Q3
//   3432 Lesja       Innlandet (03)   15.06.2022  answered twice: the first response (30.05) is superseded,
//                                                 with a coding, a value and a finding link that must not count
//   3414 Nord-Odal   Innlandet (03)   03.06.2022  Q5 starts with "@"
//   3048 Øvre Eiker  Sør-Øst (04)     02.06.2022  Q3 is longer than an Excel cell
//   1804 Bodø        Nordland (10)    31.05.2022  Q2 is "=HYPERLINK(…)", Q4 starts with "+"
//   5426 Kåfjord     Troms (11)       01.06.2022  Q4 holds quotes, a line break and ";"; Q5 starts with "-"
//   Politiets Fellesforbund (no municipality)
//
// Codes: Utfordringer > Rus, Vold; Avstand. Codings on current responses (9):
//   Oslo q1: Rus "Rus blant unge", Vold "Vold i nære relasjoner"
//   Lesja q1: Vold (whole answer)            Nord-Odal q1: Utfordringer (whole)
//   Bodø q1: Rus "Rus blant unge", Avstand "lange avstander"; Bodø q2: Utfordringer (whole: the =HYPERLINK text)
//   Kåfjord q2: Avstand (whole, marked for the memo)   Fellesforbund q1: Rus "Rus"
// Finding "Innbyggerne savner politiet lokalt.": støtter Oslo q1 and Bodø's Rus coding,
// motsier Kåfjord q2, nyanserer Fellesforbund q1, støtter Lesja's superseded q1 (not counted).
import path from 'node:path';
import type { Core } from '../../src-main/core';
import type { ApiClient } from '../../src-shared/client';
import type { ResponseDetail } from '../../src-shared/domain';
import { fixtureBuilder } from './fixture-project';

export const HYPERLINK = '=HYPERLINK("http://example.invalid","klikk")';
export const KAFJORD_Q4 = 'Sitat: "her står det"\nog en ny linje; med semikolon';
export const LONG_TEXT = 'Politiråd. ' + 'langt svar '.repeat(4000);

export const FIRST: string[][] = [
  [
    '0301',
    'Oslo kommune',
    '30.05.2022',
    'Rus blant unge er den største utfordringen. Vold i nære relasjoner øker.',
    'Nei.',
    'Politikontakt i hver bydel. Ekstra merknad om økonomi.',
    'Telefon og internett. Vi ønsker faste kontordager.',
    'Nei, vi har nok tjenestesteder.',
  ],
  ['1804', 'Bodø kommune', '31.05.2022', 'Rus blant unge og lange avstander i distriktet.', HYPERLINK, 'Politirådet fungerer.', '+47 er nummeret vårt.', 'Ja, vi ønsker et nytt tjenestested.'],
  ['3432', 'Lesja kommune', '30.05.2022', 'Rus og lange avstander.', 'Nei.', 'Lite samarbeid.', 'Telefon.', 'Nei.'],
  ['5426', 'Kåfjord kommune', '01.06.2022', 'Ingen store utfordringer.', 'Avstanden til politiet er for lang.', 'Samarbeid om «beredskap».', KAFJORD_Q4, '-Ikke besvart.'],
  ['3048', 'Øvre Eiker kommune', '02.06.2022', 'Vinning.', 'Ja.', LONG_TEXT, 'Telefon.', 'Nei.'],
  ['3414', 'Nord-Odal kommune', '03.06.2022', 'Mange utfordringer for kommunen.', 'Delvis fornøyd.', 'Politikontakt.', 'Internett.', '@kommunen svarer nei.'],
  ['', 'Politiets Fellesforbund', '30.05.2022', 'Rus i hele landet.', 'Nei.', 'Mer samarbeid.', 'Oppmøte.', 'Ja, flere tjenestesteder.'],
];
export const SECOND: string[][] = [['3432', 'Lesja kommune', '15.06.2022', 'Vold i nære relasjoner er vår største bekymring.', 'Ja.', 'Godt samarbeid.', 'Tjenestested.', 'Ja.']];

/** Respondents of the current responses in export order (police district, then name; others last). */
export const EXPORT_ORDER = ['Oslo', 'Lesja', 'Nord-Odal', 'Øvre Eiker', 'Bodø', 'Kåfjord', 'Politiets Fellesforbund'];
export const RESPONDED = 6;
export const CURRENT_CODINGS = 9;

export interface ExportProject {
  dir: string;
  core: Core;
  api: ApiClient;
  questions: string[];
  codes: Record<'A' | 'A1' | 'A2' | 'B', string>;
  findingId: string;
  /** Responses by municipality number (or name); Lesja's first as "3432-old". */
  responses: Map<string, ResponseDetail>;
  cleanup(): Promise<void>;
}

export async function exportProject(): Promise<ExportProject> {
  const b = await fixtureBuilder({ prefix: 'innspill-export-', project: 'eksport.innspill', batches: { 'forste.csv': FIRST, 'andre.csv': SECOND } });
  const { api, questions, responses, answer, code, setValue } = b;
  const [first, second] = b.files;
  const moveText = async (who: string, question: number, part: string, to: string | null) => {
    const a = answer(who, question);
    const start = a.text.indexOf(part);
    await api.answers.assign({ answerId: a.id, start, end: start + part.length, questionId: to });
    await b.load();
  };

  await api.import.run({ paths: [first] });
  await b.load();
  const codes = {
    A: (await api.codebook.create({ name: 'Utfordringer' })).id,
    A1: '',
    A2: '',
    B: (await api.codebook.create({ name: 'Avstand' })).id,
  };
  codes.A1 = (await api.codebook.create({ name: 'Rus', parentId: codes.A })).id;
  codes.A2 = (await api.codebook.create({ name: 'Vold', parentId: codes.A })).id;

  const report = await api.findings.saveReport({ key: 'Testrapport 2024:1', title: 'En tenkt evaluering', publisher: 'DFØ' });
  const finding = await api.findings.save({ reportId: report.id, statement: 'Innbyggerne savner politiet lokalt.', reference: 'kap. 3', theme: 'tilstedeværelse' });

  // Lesja's first response is coded, valued and linked while current, then replaced.
  await code('3432', 1, codes.A1, 'Rus');
  await setValue('3432', 'q2_satisfied', 'nei');
  await api.findings.link({ findingId: finding.id, answerId: answer('3432', 1).id, relation: 'stotter' });
  await api.import.run({ paths: [second] });
  await b.load();

  // Oslo: part of Q4 moved to Q1 (Q1 now has two parts), part of Q3 left unassigned.
  await moveText('0301', 4, 'Vi ønsker faste kontordager.', questions[0]);
  await moveText('0301', 3, 'Ekstra merknad om økonomi.', null);

  await code('0301', 1, codes.A1, 'Rus blant unge');
  await code('0301', 1, codes.A2, 'Vold i nære relasjoner');
  await code('3432', 1, codes.A2);
  await code('3414', 1, codes.A);
  const bodoRus = await code('1804', 1, codes.A1, 'Rus blant unge');
  await code('1804', 1, codes.B, 'lange avstander');
  await code('1804', 2, codes.A);
  const kafjord = await code('5426', 2, codes.B);
  await api.codings.update({ id: kafjord.id, useInMemo: true });
  await code('Politiets Fellesforbund', 1, codes.A1, 'Rus');

  await setValue('0301', 'q2_satisfied', 'nei');
  await setValue('1804', 'q2_satisfied', 'delvis');
  await setValue('1804', 'q4_channels', ['internett', 'telefon']);
  await setValue('1804', 'q5_premises_offered', 'Lokaler i rådhuset');
  await setValue('Politiets Fellesforbund', 'q5_wants_station', 'ja');

  await api.findings.link({ findingId: finding.id, answerId: answer('0301', 1).id, relation: 'stotter' });
  await api.findings.link({ findingId: finding.id, codingId: bodoRus.id, relation: 'stotter' });
  await api.findings.link({ findingId: finding.id, answerId: answer('5426', 2).id, relation: 'motsier' });
  await api.findings.link({ findingId: finding.id, answerId: answer('Politiets Fellesforbund', 1).id, relation: 'nyanserer' });

  return { dir: b.dir, core: b.core, api, questions, codes, findingId: finding.id, responses, cleanup: b.cleanup };
}

export const exportFolder = (p: ExportProject) => path.join(p.dir, 'Eksport');
