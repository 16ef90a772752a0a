// A small project for the briefing memo tests, built through the API as a
// caseworker would: six municipalities in three police districts and one
// organisation answer; Steigen answers twice (its first response is
// superseded, with a coding marked for the memo and a finding link that must
// never show). Codes, codings (one marked "use in memo"), variable values
// and finding links are made with the real methods.
//
//   0301 Oslo     p01   Q2: Bemanning
//   1804 Bodø     p10   Q2: Lensmannskontor   wants station: ja, offers premises: ja
//   1848 Steigen  p10   Q2: Lensmannskontor (marked)  wants: ja, offers: nei   (answers twice)
//   1868 Øksnes   p10   —                      (no codings)
//   5401 Tromsø   p11   Q2: Lensmannskontor, Responstid   wants: nei
//   5426 Kåfjord  p11   Q2: Responstid        wants: uklart
//   Politiets Fellesforbund (no municipality)  Q2: Lensmannskontor
//
// Codes: Bemanning (A) > Lensmannskontor (A1); Responstid (B); Samarbeid (C, unused).
import path from 'node:path';
import type { Core } from '../../src-main/core';
import type { ApiClient } from '../../src-shared/client';
import type { ResponseDetail } from '../../src-shared/domain';
import { fixtureBuilder } from './fixture-project';

export const OLD_STEIGEN_TEXT = 'GAMMEL VERSJON: lensmannskontoret i Steigen må gjenopprettes straks.';

const FIRST: string[][] = [
  ['0301', 'Oslo kommune', '30.05.2022', 'Ungdomskriminalitet.', 'Bemanningen i bydelene er for lav.', 'Politikontakt i hver bydel.', 'Via telefon.', 'Nei.'],
  [
    '1804',
    'Bodø kommune',
    '30.05.2022',
    'Rus blant unge.',
    'Vi savner lensmannskontoret i Saltstraumen og ønsker det tilbake.',
    'Politirådet fungerer godt.',
    'Via fysisk oppmøte.',
    'Ja, vi ønsker et nytt tjenestested og tilbyr lokaler i rådhuset.',
  ],
  ['1848', 'Steigen kommune', '29.05.2022', 'Lange avstander.', OLD_STEIGEN_TEXT, 'Lite samarbeid.', 'Via telefon.', 'Ja.'],
  ['1868', 'Øksnes kommune', '30.05.2022', 'Fiskerikriminalitet.', 'Delvis fornøyd.', 'Godt samarbeid.', 'Via internett.', ''],
  [
    '5401',
    'Tromsø kommune',
    '01.06.2022',
    'Lang responstid om natten.',
    'Lensmannskontorene på Kvaløya ble lagt ned, og responstiden er for lang.',
    'Felles øvelser.',
    'Via internett.',
    'Nei, ikke nå.',
  ],
  ['5426', 'Kåfjord kommune', '31.05.2022', 'Avstand.', 'Responstiden i Kåfjord er over en time.', 'SLT.', 'Via telefon.', 'Uklart.'],
  ['', 'Politiets Fellesforbund', '31.05.2022', 'Bemanning.', 'Lensmannskontorene i distriktene må styrkes.', 'Mer samarbeid.', 'Via oppmøte.', 'Ja, flere.'],
];

export const NEW_STEIGEN_Q2 = 'Vi ønsker lensmannskontoret i Leinesfjord tilbake; folk føler seg utrygge.';
const SECOND: string[][] = [['1848', 'Steigen kommune', '15.06.2022', 'Lange avstander og vær.', NEW_STEIGEN_Q2, 'Godt samarbeid med Bodø.', 'Via fysisk oppmøte.', 'Ja, og vi tilbyr lokaler på kommunehuset.']];

export const FILES = { first: 'svar-mai.csv', second: 'svar-juni.csv' };

export interface MemoProject {
  dir: string;
  core: Core;
  api: ApiClient;
  questions: string[];
  codes: Record<'A' | 'A1' | 'B' | 'C', string>;
  /** Responses by municipality number (or respondent name); Steigen's first as "1848-old". */
  responses: Map<string, ResponseDetail>;
  findings: { linked: string; unlinked: string };
  codingIds: { steigenMarked: string; steigenOld: string };
  cleanup(): Promise<void>;
}

export async function memoProject(): Promise<MemoProject> {
  const b = await fixtureBuilder({ prefix: 'innspill-memo-', project: 'notat.innspill', batches: { [FILES.first]: FIRST, [FILES.second]: SECOND } });
  const { api, questions, responses, answer, code, setValue } = b;
  const [first, second] = b.files;

  await api.import.run({ paths: [first] });
  await b.load();
  const codes = {
    A: (await api.codebook.create({ name: 'Bemanning' })).id,
    A1: '',
    B: (await api.codebook.create({ name: 'Responstid' })).id,
    C: (await api.codebook.create({ name: 'Samarbeid' })).id,
  };
  codes.A1 = (await api.codebook.create({ name: 'Lensmannskontor', parentId: codes.A })).id;

  // Steigen's first response: coded, marked for the memo and linked, then superseded.
  const old = await code('1848', 2, codes.A1);
  await api.codings.update({ id: old.id, useInMemo: true });
  // The template brings DFØ's reports and findings (none linked); the test's findings go into the first report.
  const report = (await api.findings.reports())[0];
  const linked = await api.findings.save({ reportId: report.id, statement: 'Innbyggerne opplever at politiet er blitt mindre synlig lokalt.', reference: 'kap. 4' });
  const unlinked = await api.findings.save({ reportId: report.id, statement: 'Politidistriktene har styrket etterforskningen.' });
  await api.findings.link({ findingId: linked.id, codingId: old.id, relation: 'motsier' });
  await api.import.run({ paths: [second] });
  await b.load();

  await code('0301', 2, codes.A, 'Bemanningen i bydelene');
  await code('1804', 2, codes.A1, 'Vi savner lensmannskontoret i Saltstraumen');
  const marked = await code('1848', 2, codes.A1, 'Vi ønsker lensmannskontoret i Leinesfjord tilbake');
  await api.codings.update({ id: marked.id, useInMemo: true });
  await code('5401', 2, codes.A1, 'Lensmannskontorene på Kvaløya ble lagt ned');
  await code('5401', 2, codes.B, 'responstiden er for lang');
  await code('5426', 2, codes.B);
  await code('Politiets Fellesforbund', 2, codes.A1);

  await setValue('1804', 'q5_wants_station', 'ja');
  await setValue('1804', 'q5_offers_premises', 'ja');
  await setValue('1804', 'q5_premises_offered', 'Lokaler i rådhuset');
  await setValue('1848', 'q5_wants_station', 'ja');
  await setValue('1848', 'q5_offers_premises', 'nei');
  await setValue('5401', 'q5_wants_station', 'nei');
  await setValue('5426', 'q5_wants_station', 'uklart');
  await setValue('1804', 'q2_satisfied', 'nei');
  await setValue('1848', 'q2_satisfied', 'nei');
  await setValue('1868', 'q2_satisfied', 'delvis');

  // Links: Bodø and Steigen (new, on the marked coding) support, Tromsø contradicts, the organisation qualifies.
  await api.findings.link({ findingId: linked.id, answerId: answer('1804', 2).id, relation: 'stotter' });
  await api.findings.link({ findingId: linked.id, codingId: marked.id, relation: 'stotter' });
  await api.findings.link({ findingId: linked.id, answerId: answer('5401', 2).id, relation: 'motsier' });
  await api.findings.link({ findingId: linked.id, answerId: answer('Politiets Fellesforbund', 2).id, relation: 'nyanserer' });

  return {
    dir: b.dir,
    core: b.core,
    api,
    questions,
    codes,
    responses,
    findings: { linked: linked.id, unlinked: unlinked.id },
    codingIds: { steigenMarked: marked.id, steigenOld: old.id },
    cleanup: b.cleanup,
  };
}

export const METADATA = { to: 'Statsråden', from: 'Politiavdelingen', date: '2026-11-27', caseNumber: '22/535', subject: 'Kommunenes innspill om lokale polititjenester' };

export function memoPath(p: MemoProject, name: string): string {
  return path.join(p.dir, 'Eksport', name);
}
