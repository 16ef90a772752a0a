// Whether a respondent is a private person (not a municipality, a county
// council or an organisation), so the memo can name them «privatperson».
// The project keeps no kind for a respondent, so it is read from the name:
// a respondent not matched to a municipality whose name has no word that
// marks a body or an organisation. When in doubt a respondent counts as a
// private person: naming an organisation «privatperson» loses a name the
// caseworker can put back (namePrivatePersons), printing a person's name
// cannot be taken back. Every export that names respondents (memo, .qdpx)
// asks privatePersonTest.
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema';

/** What an export calls a respondent who is a private person, unless told to name them. */
export const PRIVATE_PERSON = 'privatperson';

/** Whole words that name a body or an organisation (lower case). */
const ORGANISATION_WORDS = new Set([
  'kommune', 'fylkeskommune', 'fylke', 'as', 'asa', 'sa', 'ba', 'ans', 'da', 'nuf', 'iks', 'kf', 'hf', 'sf',
  'politi', 'politiet', 'politidistrikt', 'statsforvalteren', 'statsforvalter', 'fylkesmannen', 'regjeringen',
  'nho', 'lo', 'ks', 'ys', 'unio', 'akademikerne', 'virke', 'sametinget', 'stortinget', 'kirke', 'menighet',
  'universitet', 'universitetet', 'høgskole', 'høgskolen', 'skole', 'skolen', 'barnehage', 'sykehus', 'sykehuset',
  'norges', 'norsk', 'norske', 'landsforening', 'landsforbund', 'landslag', 'redningsselskapet', 'røde', 'kors',
]);

/** Endings of compound words that name a body («Bondelaget», «Eldrerådet», «Politiets Fellesforbund»). */
const ORGANISATION_ENDINGS =
  /(forening|foreningen|forbund|forbundet|laget|lag|råd|rådet|utvalg|utvalget|direktorat|direktoratet|departement|departementet|etat|etaten|tilsyn|tilsynet|senter|senteret|stiftelse|stiftelsen|organisasjon|organisasjonen|selskap|selskapet|institutt|instituttet|klubb|klubben|kontor|kontoret|ombud|ombudet|parti|partiet|nemnd|nemnda|gruppe|gruppen|nettverk|nettverket|tjeneste|tjenesten|verk|verket|byrå|byrået|sentral|sentralen|samvirke|fond|fondet|akademi|akademiet|union|unionen|region|regionen|sekretariat|sekretariatet)$/;

export function isPrivatePerson(respondent: { name: string; municipalityNumber: string | null; countyCouncil?: boolean }): boolean {
  if (respondent.municipalityNumber !== null || respondent.countyCouncil) return false;
  const words = respondent.name.toLocaleLowerCase('nb').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return false;
  // A number in the name (an organisation number, «Lag 2») is no person's name.
  if (words.some((w) => /\d/.test(w))) return false;
  return !words.some((w) => ORGANISATION_WORDS.has(w) || ORGANISATION_ENDINGS.test(w));
}

/**
 * Whether an export must print «privatperson» instead of this respondent's name: a private person, unless the
 * caseworker chose to name them (`namePrivatePersons`). County councils are read from the project.
 */
export async function privatePersonTest(db: Kysely<DB>, namePrivatePersons: boolean): Promise<(name: string, municipalityNumber: string | null) => boolean> {
  if (namePrivatePersons) return () => false;
  const councils = new Set((await db.selectFrom('respondent').select('name').where('county_council', '=', 1).execute()).map((r) => r.name));
  return (name, municipalityNumber) => isPrivatePerson({ name, municipalityNumber, countyCouncil: councils.has(name) });
}
