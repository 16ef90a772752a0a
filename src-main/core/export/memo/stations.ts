// "Kandidater for nye tjenestesteder": the station candidates of the
// analysis (municipalities coded as wanting a new police service location,
// with what they offer), against the 20 locations announced 2022–2024.
import type { StationAnswer } from '../../../../src-shared/analysis';
import { stationCandidates } from '../../analysis/stations';
import { dataTable, heading, para, spacer, type Block } from './blocks';
import type { MemoContext } from './context';
import { formatNorwegianDate } from '../../../../src-shared/norwegian';
import { counted } from './format';

const ANSWER_LABELS: Record<StationAnswer, string> = {
  ja: 'Ja',
  nei: 'Nei',
  uklart: 'Uklart',
  ikke_besvart: 'Ikke besvart',
  ikke_kodet: 'Ikke kodet',
  ingen_svar: 'Har ikke svart',
};

const PREMISES: Record<string, string> = { ja: 'Ja', nei: 'Nei', ikke_oppgitt: 'Ikke oppgitt' };

export async function stationsSection(ctx: MemoContext): Promise<Block[]> {
  const out: Block[] = [heading('Kandidater for nye tjenestesteder', 1)];
  const analysis = await stationCandidates(ctx.db, ctx.ref.newStations);
  if (!analysis.available) {
    out.push(para('Prosjektet har ikke variabelen «ønsker nytt tjenestested», så kandidatene kan ikke listes.'));
    ctx.counts.stationCandidates = 0;
    return out;
  }
  const inScope = (districtCode: string) => ctx.scope.includesDistrict(districtCode);
  const candidates = analysis.candidates.filter((c) => inScope(c.municipality.policeDistrictCode));
  ctx.counts.stationCandidates = candidates.length;
  const withStation = candidates.filter((c) => c.announcedStations.length > 0).length;
  out.push(
    para(
      `${counted(candidates.length, 'kommune', 'kommuner')}${ctx.scope.label ? ' i utvalget' : ''} er kodet som at de ønsker et nytt tjenestested; ${counted(withStation, 'av dem', 'av dem')} har fått et av tjenestestedene som ble kunngjort 2022–2024.`,
    ),
  );
  if (candidates.length > 0) {
    out.push(
      dataTable(
        [
          { title: 'Kommune', width: 20 },
          { title: 'Politidistrikt', width: 17 },
          { title: 'Tilbyr lokaler', width: 13 },
          { title: 'Hva kommunen tilbyr', width: 30 },
          { title: 'Kunngjort tjenestested', width: 20 },
        ],
        candidates.map((c) => [
          `${c.municipality.name} (${c.municipality.number})`,
          c.municipality.policeDistrictName,
          c.offersPremises === null ? 'Ikke kodet' : (PREMISES[c.offersPremises] ?? c.offersPremises),
          c.premisesOffered ?? '',
          c.announcedStations.map((s) => `${s.station} (${formatNorwegianDate(s.announced)})`).join('; ') || '–',
        ]),
      ),
      spacer(),
    );
  }
  if (!ctx.scope.districts && analysis.otherCandidates.length > 0) {
    out.push(para(`I tillegg ønsker ${counted(analysis.otherCandidates.length, 'annen innsender', 'andre innsendere')} nye tjenestesteder: ${analysis.otherCandidates.map((o) => ctx.privacy.name(o.respondentName, null)).join(', ')}.`));
  }

  const announced = analysis.announced.filter((s) => !ctx.scope.districts || ctx.units.register.some((m) => m.number === s.municipalityNumber && inScope(m.policeDistrictCode)));
  out.push(heading('Tjenestesteder kunngjort 2022–2024', 2));
  out.push(para('Hva kommunen svarte på om den ønsker et nytt tjenestested, for hvert kunngjort tjenestested.'));
  out.push(
    dataTable(
      [
        { title: 'Tjenestested', width: 30 },
        { title: 'Kommune', width: 25 },
        { title: 'Kunngjort', width: 20 },
        { title: 'Kommunens svar', width: 25 },
      ],
      announced.map((s) => [s.station, s.municipalityName, formatNorwegianDate(s.announced), ANSWER_LABELS[s.answer]]),
    ),
    spacer(),
  );
  return out;
}
