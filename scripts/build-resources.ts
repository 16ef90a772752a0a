// Builds the reference data the app ships (resources/) from the project's
// shared data folder (../shared/data). Run with `npm run resources`; the output
// is committed so a packaged app never depends on the shared folder.
//
//   tsx scripts/build-resources.ts [--check]
//
// With --check nothing is written; the script exits 1 if resources/ is stale.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const root = path.resolve(__dirname, '..');
const sharedData = process.env.INNSPILL_SHARED_DATA ?? path.resolve(root, '..', 'shared', 'data');
const outDir = path.join(root, 'resources', 'data');
const check = process.argv.includes('--check');

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(sharedData, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  }) as Record<string, string>[];
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(sharedData, file), 'utf8'));
}

const REGISTER_SOURCE =
  'Kommuneliste: github tobiasmcvey/kommunale-nettsider (kommuner.csv, commit b57b859). Folketall: SSB tabell 07459, 1.1.2022. Politidistrikt: SSB KLASS 109.';

// Official Sami and Kven parallel names that SSB's label in the shared data
// lacks (its caveat: "incomplete"). Used only to recognise respondents.
const EXTRA_PARALLEL_NAMES: Record<string, string[]> = {
  '1826': ['Aarborte'], // Hattfjelldal
  '1875': ['Hábmer'], // Hamarøy
  '5006': ['Stïenghke'], // Steinkjer
  '5025': ['Rosse'], // Røros
  '5412': ['Dielddanuorri'], // Tjeldsund
  '5422': ['Báhccavuotna', 'Paaccavuono'], // Balsfjord
  '5424': ['Ivgu', 'Yykeä'], // Lyngen
  '5428': ['Ráisa', 'Raisi'], // Nordreisa
  '5429': ['Návuotna', 'Naavuono'], // Kvænangen
  '5405': ['Čáhcesuolu', 'Vesisaari'], // Vadsø
};

/** SSB's label, unless it is damaged (it must contain the plain name). */
function officialName(r: Record<string, string>): string {
  const label = r.navn_ssb_07459;
  return label.toLocaleLowerCase('nb').includes(r.kommunenavn.toLocaleLowerCase('nb')) ? label : r.kommunenavn;
}

/** Parallel names: the parts of SSB's "Sami - Norwegian" label plus the curated extras. */
function parallelNames(r: Record<string, string>): string[] {
  const parts = officialName(r)
    .replace(/\s*\(.*\)$/, '')
    .split(' - ')
    .map((p) => p.trim())
    .filter((p) => p && p !== r.kommunenavn);
  return [...new Set([...parts, ...(EXTRA_PARALLEL_NAMES[r.kommunenummer.padStart(4, '0')] ?? [])])];
}

function buildRegister() {
  const rows = readCsv('kommuner_2022_merged.csv');
  const municipalities = rows.map((r) => ({
    number: r.kommunenummer.padStart(4, '0'),
    name: r.kommunenavn,
    officialName: officialName(r),
    parallelNames: parallelNames(r),
    countyNumber: r.fylkesnummer.padStart(2, '0'),
    countyName: r.fylkesnavn_2022,
    policeDistrictCode: r.politidistrikt_kode,
    policeDistrictName: r.politidistrikt,
    population: Number(r.folketall_2022_01_01),
    adminCentre: r.adm_senter,
    languageForm: r.maalform,
    number2024: r.kommunenummer_2024,
    policeDistrictSource: r.politidistrikt_kilde,
  }));
  for (const m of municipalities) {
    if (!/^\d{4}$/.test(m.number) || !Number.isInteger(m.population) || !/^p\d{2}$/.test(m.policeDistrictCode)) {
      throw new Error(`kommuner_2022_merged.csv: bad row for ${m.number} ${m.name}`);
    }
  }
  // Cross-check against the separate district mapping file.
  const mapping = new Map(readCsv('politidistrikt_kommune_2022.csv').map((r) => [r.kommunenummer.padStart(4, '0'), r.politidistrikt_kode]));
  for (const m of municipalities) {
    if (mapping.get(m.number) !== m.policeDistrictCode) {
      throw new Error(`Police district mismatch for ${m.number} ${m.name}`);
    }
  }
  const districts = new Map<string, string>();
  for (const m of municipalities) districts.set(m.policeDistrictCode, m.policeDistrictName);
  const policeDistricts = [...districts].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => ({ code, name }));
  return {
    name: 'Kommuneregister 2022',
    version: '2022-01-01',
    source: REGISTER_SOURCE,
    licence: 'CC BY 4.0',
    municipalities,
    policeDistricts,
  };
}

interface LetterMeta {
  title: string;
  url: string;
  issuer: string;
  var_ref: string;
  hoeringsfrist: string;
  questions_nb: string[];
  question_4_options_nb: string[];
}

const SHORT_LABELS = ['Utfordringer', 'Tilfredshet', 'Samarbeid og ressurser', 'Tilgjengelighet', 'Nytt tjenestested'];

function buildLetter() {
  const meta = readJson('brev_kommunene_2022_metadata.json') as LetterMeta;
  if (meta.questions_nb.length !== 5) throw new Error('Expected five questions in the 2022 letter');
  return {
    id: 'brev-kommunene-2022',
    title: meta.title,
    caseNumber: meta.var_ref,
    deadline: meta.hoeringsfrist,
    issuer: meta.issuer,
    sourceUrl: meta.url,
    questions: meta.questions_nb.map((text, i) => ({
      ordinal: i + 1,
      shortLabel: SHORT_LABELS[i],
      text,
      options: i === 3 ? meta.question_4_options_nb : [],
    })),
  };
}

function buildNewStations() {
  return readCsv('nye_tjenestesteder_2022_2024.csv').map((r) => ({
    station: r.tjenestested,
    municipalityName: r.kommune,
    municipalityNumber: r.kommunenummer_2022.padStart(4, '0'),
    policeDistrict: r.politidistrikt_avledet,
    announced: r.kunngjort,
    kind: r.type,
    note: r.merknad,
    sourceUrl: r.kilde_url,
  }));
}

const ATTRIBUTIONS = [
  {
    dataset: 'Kommuneregister 2022',
    description: 'De 356 kommunene 2020–2023 med fylke, politidistrikt og folketall per 1.1.2022.',
    source: REGISTER_SOURCE,
    licence: 'CC BY 4.0',
    attribution: 'Statistisk sentralbyrå (SSB), tobiasmcvey/kommunale-nettsider',
  },
  {
    dataset: 'Kommune- og fylkesgrenser',
    description: 'Forenklede kommune- og fylkespolygoner (2020).',
    source: 'github robhop/fylker-og-kommuner (commit 6b08cfe), forenklet fra Kartverkets administrative enheter (Geonorge)',
    licence: 'CC BY 4.0',
    attribution: '© Kartverket',
  },
  {
    dataset: 'Brev til kommunene om bedre polititjenester og beredskap (2022)',
    description: 'Tittel, saksnummer 22/535, frist og de fem spørsmålene.',
    source: 'regjeringen.no id2901765 og selve brevet',
    licence: 'Offentlige opplysninger',
    attribution: 'Justis- og beredskapsdepartementet',
  },
  {
    dataset: 'DFØs evalueringsrapporter om nærpolitireformen',
    description: 'Rapport-ID, titler, datoer og hovedfunn som korte utsagn.',
    source: 'dfo.no rapportsider og sammendrag',
    licence: 'Offentlige opplysninger',
    attribution: 'Direktoratet for forvaltning og økonomistyring (DFØ)',
  },
  {
    dataset: 'Nye tjenestesteder 2022–2024',
    description: 'De 20 nye tjenestestedene som ble kunngjort 2022–2023.',
    source: 'Nyhetsoppslag, kilde per rad',
    licence: 'Offentlige opplysninger',
    attribution: 'Kilde oppgitt per rad',
  },
];

const outputs: Record<string, unknown> = {
  'register-2022.json': buildRegister(),
  'letter-2022.json': buildLetter(),
  'dfo-reports.json': readJson('dfo_naerpolitireformen_rapporter.json'),
  'new-stations-2022-2024.json': buildNewStations(),
  'attributions.json': ATTRIBUTIONS,
};
const copies: [string, string][] = [
  ['geo/robhop_2020_Kommuner-medium.topojson', 'municipalities.topojson'],
  ['geo/robhop_2020_Fylker-medium.topojson', 'counties.topojson'],
];

let stale = 0;
mkdirSync(outDir, { recursive: true });
for (const [name, value] of Object.entries(outputs)) {
  const target = path.join(outDir, name);
  const text = JSON.stringify(value, null, 1) + '\n';
  if (check) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
      console.error(`stale: resources/data/${name}`);
      stale++;
    }
  } else {
    writeFileSync(target, text);
  }
}
for (const [from, to] of copies) {
  const source = path.join(sharedData, from);
  const target = path.join(outDir, to);
  if (check) {
    if (!existsSync(target) || !readFileSync(target).equals(readFileSync(source))) {
      console.error(`stale: resources/data/${to}`);
      stale++;
    }
  } else {
    writeFileSync(target, readFileSync(source));
  }
}
if (check && stale > 0) process.exit(1);
console.log(check ? 'resources/ is up to date' : `wrote ${Object.keys(outputs).length + copies.length} files to resources/data`);
