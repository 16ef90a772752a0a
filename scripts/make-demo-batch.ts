// Writes a SYNTHETIC demo batch of responses to the 2022 letter "Brev til
// kommunene om bedre polititjenester og beredskap" (22/535) into
// resources/demo/: a form export (CSV, Windows-1252), an archive list (XLSX),
// an API dump (JSON) and a ZIP of letters (DOCX, PDF, TXT), from about 300 of
// the 356 municipalities. Every answer is invented from phrase banks
// (scripts/demo/phrases.ts); nothing is a real response.
//
// Deterministic: a seeded PRNG, fixed dates, fixed timestamps inside the
// DOCX/XLSX/ZIP files. Same script, same bytes.
//
//   npx tsx scripts/make-demo-batch.ts [--out DIR]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { cellText, composeAnswers, makeProfile, ORDINALS, recompose, type Answers, type Block, type District, type Municipality, type Profile } from './demo/compose';
import { DOC_TIME_ISO, LETTER_LABEL, renderDocx, renderPdf, renderTxt, type Line, type LetterDoc } from './demo/letters';
import { LETTER, OWN_WORDS, PROSE_Q2, PROSE_Q5, type Lang, type Stance } from './demo/phrases';
import { mulberry32, type Rng } from '../src-shared/rng';
import { HEROY_HINT, JOINT_STATEMENTS, NO_COMMENT, OSLO_EXTRA, OTHER_RESPONDENTS, resubmissionNote } from './demo/special';
import { normalizeOoxml, writeZip, type ZipEntry } from './demo/zip';

const SEED = 20220601;
const LABEL = 'SYNTETISKE EKSEMPELDATA';
const FILES = {
  csv: 'eksempel-skjema-eksport.csv',
  xlsx: 'eksempel-arkivliste.xlsx',
  json: 'eksempel-api.json',
  zip: 'eksempel-brev.zip',
  readme: 'README.md',
} as const;

const root = path.resolve(import.meta.dirname, '..');
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'resources', 'demo');

interface Question {
  ordinal: number;
  text: string;
  options: string[];
}
const register = JSON.parse(readFileSync(path.join(root, 'resources/data/register-2022.json'), 'utf8')) as { municipalities: Municipality[] };
const letter = JSON.parse(readFileSync(path.join(root, 'resources/data/letter-2022.json'), 'utf8')) as { title: string; caseNumber: string; questions: Question[] };
const questions = letter.questions;
const q4Options = questions.find((q) => q.ordinal === 4)!.options;
const municipalities = register.municipalities;
const byNumber = new Map(municipalities.map((m) => [m.number, m]));
function muni(number: string): Municipality {
  const m = byNumber.get(number);
  if (!m) throw new Error(`municipality ${number} is not in the register`);
  return m;
}

// ---------------------------------------------------------------- the plan

const TARGET = { csv: 140, xlsx: 82, json: 42, letters: 41 };
type Format = keyof typeof TARGET;
type LetterKind = 'docx' | 'pdf' | 'txt';

/** Placed by hand: the traps and the joint statements spread over the formats. */
const FIXED: Record<string, Format> = {
  '0301': 'csv', // Oslo, written "301"
  '1515': 'csv', // Herøy (Møre og Romsdal), name only
  '1818': 'csv', // Herøy (Nordland), name only
  '5425': 'csv',
  '5426': 'csv',
  '5429': 'csv', // edited copy of the Nord-Troms statement
  '4639': 'csv',
  '4643': 'csv',
  '1866': 'csv',
  '1868': 'csv',
  '5430': 'xlsx', // Kautokeino as "Guovdageaidnu suohkan", no number
  '3419': 'xlsx', // Våler (Hedmark), name with county, no number
  '5427': 'xlsx',
  '4640': 'xlsx',
  '4644': 'xlsx',
  '1871': 'xlsx',
  '5001': 'json', // Trondheim
  '5428': 'json',
  '4641': 'json',
  '1867': 'json',
  '1848': 'letters', // 1848 Steigen kommune.docx
  '5406': 'letters', // Hammerfest kommune - svar.pdf
  '5424': 'letters', // svar-fra-lyngen.txt
  '4642': 'letters',
  '1870': 'letters',
  '1851': 'letters',
};
const FIXED_LETTERS: Record<string, { kind: LetterKind; file?: string }> = {
  '1848': { kind: 'docx', file: '1848 Steigen kommune.docx' },
  '5406': { kind: 'pdf', file: 'Hammerfest kommune - svar.pdf' },
  '5424': { kind: 'txt', file: 'svar-fra-lyngen.txt' },
  '4642': { kind: 'docx' },
  '1870': { kind: 'docx' },
  '1851': { kind: 'pdf' },
};
const NON_RESPONDERS = 356 - TARGET.csv - TARGET.xlsx - TARGET.json - TARGET.letters;

const plan = mulberry32(SEED);

function weightedDraw(rng: Rng, items: Municipality[], weight: (m: Municipality) => number, k: number): Municipality[] {
  const pool = [...items];
  const out: Municipality[] = [];
  for (let i = 0; i < k; i++) {
    const total = pool.reduce((s, m) => s + weight(m), 0);
    let r = rng.next() * total;
    const idx = pool.findIndex((m) => (r -= weight(m)) < 0);
    out.push(pool.splice(idx < 0 ? pool.length - 1 : idx, 1)[0]);
  }
  return out;
}

const free = municipalities.filter((m) => !(m.number in FIXED));
// Small municipalities are likelier not to have answered.
const silent = weightedDraw(plan, free, (m) => (m.population < 3000 ? 3 : m.population < 20000 ? 1.5 : 0.4), NON_RESPONDERS);
const silentSet = new Set(silent.map((m) => m.number));
const assigned: Record<Format, Municipality[]> = { csv: [], xlsx: [], json: [], letters: [] };
for (const [number, format] of Object.entries(FIXED)) assigned[format].push(muni(number));
for (const m of plan.shuffle(free.filter((x) => !silentSet.has(x.number)))) {
  const format = (Object.keys(TARGET) as Format[]).find((f) => assigned[f].length < TARGET[f]);
  if (!format) throw new Error('more municipalities than places');
  assigned[format].push(m);
}

// ------------------------------------------------------- answers and dates

const districts = new Map<string, District>();
for (const m of municipalities) {
  const d = districts.get(m.policeDistrictName) ?? { byPopulation: [] };
  d.byPopulation.push(m);
  districts.set(m.policeDistrictName, d);
}
for (const d of districts.values()) d.byPopulation.sort((a, b) => b.population - a.population);

/** Each municipality draws from its own stream, so its answers do not depend on the plan. */
function rngFor(m: Municipality, salt = 0): Rng {
  return mulberry32((SEED * 31 + Number(m.number) * 7919 + salt) >>> 0);
}

interface Response {
  m: Municipality;
  profile: Profile;
  answers: Answers;
  received: Date;
}

function utc(day: number, month: number): Date {
  return new Date(Date.UTC(2022, month - 1, day));
}
const DAY = 86_400_000;

/** Most answers arrive in the last two weeks before the deadline; a few after it. */
function drawDate(rng: Rng): Date {
  const r = rng.next();
  const [from, to] = r < 0.15 ? [utc(1, 4), utc(14, 5)] : r < 0.94 ? [utc(15, 5), utc(1, 6)] : [utc(2, 6), utc(15, 6)];
  const days = Math.round((to.getTime() - from.getTime()) / DAY);
  return new Date(from.getTime() + rng.int(0, days) * DAY);
}

function ddmmyyyy(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}
function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY);
}

function respond(m: Municipality, overrides: Partial<Pick<Profile, 'stance'>> = {}): Response {
  const rng = rngFor(m);
  const profile = { ...makeProfile(rng, m, districts.get(m.policeDistrictName)!), ...overrides };
  const answers = composeAnswers(rng, profile, q4Options);
  for (const joint of JOINT_STATEMENTS) {
    if (!joint.members.includes(m.number)) continue;
    const text = joint.edited?.member === m.number ? joint.edited.text : joint.text;
    answers[joint.question] = [{ kind: 'p', text }, { kind: 'p', text: OWN_WORDS[profile.lang] }, ...answers[joint.question]];
  }
  const heroy = HEROY_HINT[m.number];
  if (heroy) answers[3] = [...answers[3], { kind: 'p', text: heroy.text }];
  if (m.number === '0301') answers[3] = [...answers[3], { kind: 'p', text: OSLO_EXTRA }];
  return { m, profile, answers, received: drawDate(rng) };
}

const responses = new Map<string, Response>();
for (const list of Object.values(assigned)) for (const m of list) responses.set(m.number, respond(m));

// A resubmission in the CSV: the same municipality twice, later date, changed answers.
const isSpecial = (m: Municipality) => m.number in FIXED || JOINT_STATEMENTS.some((j) => j.members.includes(m.number));
const resubmitter = assigned.csv.find((m) => !isSpecial(m) && m.population >= 3000 && m.population < 20000)!;
const firstVersion = respond(resubmitter, { stance: 'uklart' });
firstVersion.received = utc(9, 5);
const secondVersion = reviseResponse(firstVersion, 'ja', utc(30, 5), '24.05.2022', 1);
responses.set(resubmitter.number, firstVersion);

// A municipality that answered in the CSV and then sent an updated letter after the deadline.
const updater = assigned.csv.find((m) => !isSpecial(m) && m !== resubmitter && m.population >= 5000)!;
const updaterFirst = respond(updater, { stance: 'uklart' });
updaterFirst.received = utc(18, 5);
responses.set(updater.number, updaterFirst);
const updaterLetter = reviseResponse(updaterFirst, 'ja', utc(7, 6), null, 2);

/** The same municipality again with Q3 and Q5 rewritten; a note on Q1 says what it replaces. */
function reviseResponse(r: Response, stance: Stance, received: Date, meeting: string | null, salt: number): Response {
  const rng = rngFor(r.m, salt);
  const profile = { ...r.profile, stance };
  const note: Block[] = meeting ? [{ kind: 'p', text: resubmissionNote(profile.lang, ddmmyyyy(r.received), meeting) }] : [];
  const answers: Answers = {
    ...r.answers,
    1: [...note, ...r.answers[1]],
    3: recompose(rng, profile, 3),
    5: recompose(rng, profile, 5),
  };
  return { m: r.m, profile, answers, received };
}

// ------------------------------------------------------------------ the CSV

/** Respondent names written with the official multilingual name, for the README. */
const multilingualNames: string[] = [];

function respondentName(rng: Rng, m: Municipality): string {
  const r = rng.next();
  if (m.officialName.includes(' - ') && r < 0.5) {
    multilingualNames.push(`${m.officialName} kommune`);
    return `${m.officialName} kommune`;
  }
  if (r < 0.08) return m.name;
  if (r < 0.12) return `${m.name} kommune v/ kommunedirektøren`;
  if (r < 0.14) return `Ordføreren i ${m.name}`;
  return `${m.name} kommune`;
}

interface TableRow {
  number: string;
  name: string;
  received: Date;
  answers: string[];
}

/** Answers as table cells; now and then a question is left blank. */
function tableCells(r: Response, breakStyle: '\n' | '\n\n', rng: Rng, eol = '\n'): string[] {
  const cells = ORDINALS.map((q): string => (rng.chance(0.03) ? '' : cellText(r.answers[q], breakStyle)));
  if (cells.join('') === '') cells[0] = cellText(r.answers[1], breakStyle);
  return cells.map((c) => c.replace(/\n/g, eol));
}

function tableRow(r: Response, salt: number, eol = '\n'): TableRow {
  const rng = rngFor(r.m, 100 + salt);
  const breakStyle = rng.chance(0.5) ? '\n' : '\n\n';
  return { number: r.m.number, name: respondentName(rng, r.m), received: r.received, answers: tableCells(r, breakStyle, rng, eol) };
}

function byDate(a: TableRow, b: TableRow): number {
  return a.received.getTime() - b.received.getTime() || a.name.localeCompare(b.name, 'nb');
}

function csvField(value: string, quote: boolean): string {
  return quote || /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function buildCsv(): { bytes: Buffer; rows: number } {
  const rows: TableRow[] = assigned.csv.map((m) => {
    const row = tableRow(responses.get(m.number)!, 0, '\r\n');
    if (m.number === '0301') row.number = '301'; // the leading zero lost, as spreadsheets do
    if (m.name === 'Herøy') Object.assign(row, { number: '', name: 'Herøy kommune' });
    return row;
  });
  rows.push({ ...tableRow(secondVersion, 1, '\r\n'), name: `${resubmitter.name} kommune` });
  const sf = OTHER_RESPONDENTS.statsforvalteren;
  rows.push({ number: '', name: sf.name, received: utc(31, 5), answers: ORDINALS.map((q) => sf.answers[q]) });
  rows.sort(byDate);
  const header = ['Kommunenr.', 'Kommune', 'Mottatt', ...ORDINALS.map((q) => `Spørsmål ${q}`)];
  const lines = [
    // A title row as Excel saves one: the text, then empty cells. (Without the
    // semicolons, delimiter guessing on the first rows can pick "," instead.)
    `${LABEL} – ikke ekte høringssvar` + ';'.repeat(header.length - 1),
    header.join(';'),
    ...rows.map((r) => [csvField(r.number, false), csvField(r.name, false), ddmmyyyy(r.received), ...r.answers.map((a) => csvField(a, true))].join(';')),
  ];
  const text = lines.join('\r\n') + '\r\n';
  const bytes = iconv.encode(text, 'win1252');
  if (iconv.decode(bytes, 'win1252') !== text) {
    const bad = [...new Set([...text].filter((ch) => iconv.decode(iconv.encode(ch, 'win1252'), 'win1252') !== ch))];
    throw new Error(`the CSV holds characters Windows-1252 cannot encode: ${bad.join(' ')}`);
  }
  return { bytes, rows: rows.length };
}

// ----------------------------------------------------------------- the XLSX

async function buildXlsx(): Promise<{ bytes: Buffer; rows: number }> {
  const rows: TableRow[] = assigned.xlsx.map((m) => {
    const row = tableRow(responses.get(m.number)!, 0);
    if (m.number === '5430') Object.assign(row, { number: '', name: 'Guovdageaidnu suohkan' });
    if (m.number === '3419') Object.assign(row, { number: '', name: 'Våler kommune (Hedmark)' });
    return row;
  });
  const ks = OTHER_RESPONDENTS.ks;
  rows.push({ number: '', name: ks.name, received: utc(27, 5), answers: ORDINALS.map((q) => ks.answers[q]) });
  rows.sort(byDate);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Innspill demo-generator';
  wb.lastModifiedBy = 'Innspill demo-generator';
  wb.created = new Date(DOC_TIME_ISO);
  wb.modified = new Date(DOC_TIME_ISO);
  wb.title = `${LABEL} – arkivliste`;
  wb.description = `${LABEL} – ikke ekte svar. Generert av scripts/make-demo-batch.ts.`;
  const ws = wb.addWorksheet('Svar', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = [{ width: 16 }, { width: 34 }, { width: 14 }, ...questions.map(() => ({ width: 70 }))];
  ws.addRow([`Høringssvar – ${letter.title} (${letter.caseNumber})`]).font = { bold: true, size: 14 };
  ws.addRow([`${LABEL} – ikke ekte svar`]).font = { bold: true, color: { argb: 'FFC00000' } };
  const header = ws.addRow(['Kommunenummer', 'Innsender', 'Dato mottatt', ...questions.map((q) => q.text)]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }));
  for (const r of rows) {
    const row = ws.addRow([r.number ? Number(r.number) : null, r.name, r.received, ...r.answers.map((a) => a || null)]);
    row.getCell(3).numFmt = 'dd.mm.yyyy';
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  const about = wb.addWorksheet('Om');
  about.columns = [{ width: 100 }];
  for (const line of [
    LABEL,
    'Alle svar i denne arbeidsboka er oppdiktet. De er laget av scripts/make-demo-batch.ts i Innspill.',
    `Frø (seed) for tilfeldige valg: ${SEED}.`,
  ])
    about.addRow([line]);
  return { bytes: await normalizeOoxml(Buffer.from(await wb.xlsx.writeBuffer()), DOC_TIME_ISO), rows: rows.length };
}

// ----------------------------------------------------------------- the JSON

function buildJson(): { bytes: Buffer; rows: number } {
  const entries = assigned.json
    .map((m) => responses.get(m.number)!)
    .sort((a, b) => a.received.getTime() - b.received.getTime() || a.m.number.localeCompare(b.m.number))
    .map((r) => {
      const rng = rngFor(r.m, 200);
      const cells = tableCells(r, rng.chance(0.5) ? '\n' : '\n\n', rng);
      return {
        kommunenummer: r.m.number,
        kommune: `${r.m.name} kommune`,
        mottatt: isoDate(r.received),
        svar: Object.fromEntries(ORDINALS.map((q, i) => [String(q), cells[i]])),
      };
    });
  const doc = { kilde: LABEL, beskrivelse: 'Oppdiktede svar laget av scripts/make-demo-batch.ts; ikke ekte høringssvar.', sak: letter.caseNumber, svar: entries };
  return { bytes: Buffer.from(JSON.stringify(doc, null, 2) + '\n', 'utf8'), rows: entries.length };
}

// -------------------------------------------------------------- the letters

type HeadingStyle = 'label' | 'labelColon' | 'labelText' | 'numberText' | 'text' | 'svarPaa' | 'upper';

function heading(style: HeadingStyle, q: Question): string {
  switch (style) {
    case 'label':
      return `Spørsmål ${q.ordinal}`;
    case 'labelColon':
      return `Spørsmål ${q.ordinal}:`;
    case 'labelText':
      return `Spørsmål ${q.ordinal}: ${q.text}`;
    case 'numberText':
      return `${q.ordinal}. ${q.text}`;
    case 'text':
      return q.text;
    case 'svarPaa':
      return `Svar på spørsmål ${q.ordinal}`;
    case 'upper':
      return `SPØRSMÅL ${q.ordinal}`;
  }
}

function slug(name: string): string {
  return name.toLocaleLowerCase('nb').replace(/\s+/g, '-');
}

function letterFileName(rng: Rng, m: Municipality, kind: LetterKind): string {
  const styles: Record<LetterKind, ((m: Municipality) => string)[]> = {
    docx: [
      (x) => `${x.number} ${x.name} kommune.docx`,
      (x) => `Høringssvar ${x.name} kommune.docx`,
      (x) => `${x.name.replace(/\s+/g, '_')}_kommune_svar_polititjenester.docx`,
      (x) => `${x.number}_${slug(x.name)}_svar.docx`,
      (x) => `Svar fra ${x.name} kommune.docx`,
    ],
    pdf: [(x) => `${x.name} kommune - svar.pdf`, (x) => `${x.number} ${x.name}.pdf`, (x) => `Brev fra ${x.name} kommune.pdf`],
    txt: [(x) => `svar-fra-${slug(x.name)}.txt`, (x) => `${slug(x.name)}.txt`, (x) => `${x.number}-${slug(x.name)}.txt`],
  };
  return rng.pick(styles[kind])(m);
}

/** Text for a letter without question structure: the answers run together as prose. */
function prose(r: Response): string[] {
  const lang = r.profile.lang;
  return ORDINALS.map((q) => {
    const sentences = r.answers[q]
      .map((b) => (b.kind === 'li' ? b.text.replace(/^- /, '').replace(/^[^.?!:]{0,60}[:?]\s+/, '') : b.text))
      .filter((t) => /[.!]$/.test(t));
    if (q === 2 || q === 5) {
      // "Ja." / "Nei, …" reads oddly without the question; say it as a sentence.
      const lead = q === 2 ? PROSE_Q2[r.profile.verdict][lang] : PROSE_Q5[r.profile.stance][lang];
      const first = sentences[0]?.replace(/^(?:Ja|Nei|Både ja og nei|Kommunen er delvis (?:tilfreds|nøgd))(?:, gjerne)?[,.]\s*/, '') ?? '';
      sentences[0] = first.charAt(0).toLocaleUpperCase('nb') + first.slice(1);
      if (lead) sentences.unshift(lead);
    }
    return sentences.filter(Boolean).join(' ');
  }).filter(Boolean);
}

interface LetterSpec {
  r: Response;
  kind: LetterKind;
  file: string;
  prose: boolean;
  preface?: string;
  /** A PDF whose long question headings wrap onto the next lines. */
  wrappedHeadings?: boolean;
}

function letterDoc(spec: LetterSpec): LetterDoc {
  const { r } = spec;
  const rng = rngFor(r.m, 300);
  const lang: Lang = r.profile.lang;
  const date = addDays(r.received, -rng.int(0, 2));
  const lines: Line[] = [
    { style: 'label', text: LETTER_LABEL },
    { style: 'letterhead', text: `${r.m.name} kommune` },
    { style: 'meta', text: 'Justis- og beredskapsdepartementet' },
    { style: 'meta', text: 'Postboks 8005 Dep' },
    { style: 'meta', text: '0030 OSLO' },
    { style: 'meta', text: `Deres ref.: ${letter.caseNumber}` },
    { style: 'meta', text: `Vår ref.: 22/${rng.int(120, 2400)}-${rng.int(1, 9)}` },
    { style: 'meta', text: `Dato: ${ddmmyyyy(date)}` },
    { style: 'title', text: LETTER.title[lang] },
    { style: 'p', text: LETTER.intro[lang] },
  ];
  if (spec.preface) lines.push({ style: 'p', text: spec.preface });
  else if (rng.chance(0.4)) lines.push({ style: 'p', text: LETTER.treated[lang].replace('{dato}', ddmmyyyy(addDays(date, -rng.int(3, 9)))) });
  if (spec.prose) {
    lines.push({ style: 'p', text: LETTER.proseIntro[lang] });
    for (const text of prose(r)) lines.push({ style: 'p', text });
  } else {
    // PDF lines wrap: a heading holding the whole question breaks over several
    // lines, so PDFs get short headings, except the one that shows that trap.
    const styles: Record<LetterKind, HeadingStyle[]> = {
      txt: ['labelColon', 'upper', 'label', 'numberText'],
      pdf: ['label', 'svarPaa', 'labelColon'],
      docx: ['label', 'labelText', 'numberText', 'text', 'svarPaa'],
    };
    const style: HeadingStyle = spec.wrappedHeadings ? 'labelText' : r.m.number === '1848' ? 'label' : rng.pick(styles[spec.kind]);
    for (const q of questions) {
      lines.push({ style: 'heading', text: heading(style, q) });
      const blocks: Block[] = rng.chance(0.05) ? [{ kind: 'p', text: NO_COMMENT }] : r.answers[q.ordinal as 1 | 2 | 3 | 4 | 5];
      for (const b of blocks) lines.push({ style: b.kind, text: b.text });
    }
  }
  const role = rng.pick(LETTER.roles[lang]);
  lines.push({ style: 'p', text: LETTER.greeting[lang] });
  lines.push({ style: 'sign', text: role.charAt(0).toLocaleUpperCase('nb') + role.slice(1) });
  lines.push({ style: 'sign', text: LETTER.signed[lang] });
  return { title: `${LABEL} – ${r.m.name} kommune`, lines, headingLevel: rng.chance(0.75) ? 2 : 3 };
}

function letterSpecs(): LetterSpec[] {
  const random = assigned.letters.filter((m) => !(m.number in FIXED_LETTERS));
  // Of the others: 4 PDFs (the first as prose), 5 TXT, the rest DOCX (the first 2 as prose).
  const specs = assigned.letters.map((m, i): LetterSpec => {
    const fixed = FIXED_LETTERS[m.number];
    const j = random.indexOf(m);
    const kind: LetterKind = fixed ? fixed.kind : j < 4 ? 'pdf' : j < 9 ? 'txt' : 'docx';
    const isProse = !fixed && (j === 0 || j === 9 || j === 10);
    return {
      r: responses.get(m.number)!,
      kind,
      file: fixed?.file ?? letterFileName(rngFor(m, 400 + i), m, kind),
      prose: isProse,
      wrappedHeadings: !fixed && j === 1,
    };
  });
  specs.push({
    r: updaterLetter,
    kind: 'docx',
    file: `Oppdatert svar - ${updater.name} kommune.docx`,
    prose: false,
    preface:
      updaterLetter.profile.lang === 'nb'
        ? `Kommunen sender med dette et oppdatert svar. Svaret erstatter svaret kommunen sendte via skjema ${ddmmyyyy(updaterFirst.received)}.`
        : `Kommunen sender med dette eit oppdatert svar. Svaret erstattar svaret kommunen sende via skjema ${ddmmyyyy(updaterFirst.received)}.`,
  });
  return specs;
}

async function buildZip(): Promise<{ bytes: Buffer; specs: LetterSpec[] }> {
  const specs = letterSpecs();
  const names = new Set<string>();
  const entries: ZipEntry[] = [];
  for (const spec of specs) {
    if (names.has(spec.file)) throw new Error(`two letters named ${spec.file}`);
    names.add(spec.file);
    const doc = letterDoc(spec);
    const data =
      spec.kind === 'docx' ? await renderDocx(doc) : spec.kind === 'pdf' ? await renderPdf(doc) : renderTxt(doc, rngFor(spec.r.m, 500).chance(0.5) ? '\r\n' : '\n');
    entries.push({ name: spec.file, data });
  }
  return { bytes: await writeZip(entries), specs };
}

// ---------------------------------------------------------------- README

function readme(counts: { csv: number; xlsx: number; json: number; letters: LetterSpec[]; covered: number }): string {
  const kinds = (k: LetterKind) => counts.letters.filter((s) => s.kind === k).length;
  const edited = JOINT_STATEMENTS.flatMap((j) => (j.edited ? [muni(j.edited.member).name] : [])).join(', ');
  const wrapped = counts.letters.filter((s) => s.wrappedHeadings);
  const proseFiles = counts.letters.filter((s) => s.prose).map((s) => `\`${s.file}\``);
  const all = [...responses.values()];
  const nynorskShare = Math.round((100 * all.filter((r) => r.profile.lang === 'nn').length) / all.length);
  const joint = JOINT_STATEMENTS.map((j) => `${j.body} (${j.members.map((n) => muni(n).name).join(', ')})`).join('; ');
  return `# Eksempeldata / demo batch — ${LABEL}

**Alt i denne mappen er oppdiktet.** Filene er laget av \`scripts/make-demo-batch.ts\`
(frø/seed \`${SEED}\`, faste datoer, ingen klokke) og inneholder ingen ekte høringssvar.
Svarene er satt sammen fra frasebanker (\`scripts/demo/phrases.ts\`) ut fra kommunens
størrelse, region og målform i kommuneregisteret. Kjør skriptet på nytt med
\`npx tsx scripts/make-demo-batch.ts\`; samme skript gir de samme bytene.

**Everything in this folder is invented.** The files are generated by
\`scripts/make-demo-batch.ts\` (seed \`${SEED}\`, fixed dates, no clock) and hold no real
consultation responses. Answers are assembled from phrase banks by each
municipality's size, region and language form in the register. Re-run the script
to regenerate; the same script gives the same bytes.

| Fil / file | Innhold / content |
| --- | --- |
| \`${FILES.csv}\` | Skjemaeksport / form export: Windows-1252, \`;\`, CRLF, ${counts.csv} rader/rows under a label line |
| \`${FILES.xlsx}\` | Arkivliste / archive list: sheet «Svar», 2 title rows, ${counts.xlsx} rows, real Excel dates; a cover sheet «Om» |
| \`${FILES.json}\` | API-dump: \`{ kilde, svar: [ { kommunenummer, kommune, mottatt, svar: { "1"…"5" } } ] }\`, ${counts.json} entries |
| \`${FILES.zip}\` | ${counts.letters.length} brev/letters: ${kinds('docx')} DOCX, ${kinds('pdf')} PDF (text layer), ${kinds('txt')} TXT |

${counts.covered} av 356 kommuner har svart; resten mangler med vilje (visningen «hvem har ikke svart»).
${counts.covered} of 356 municipalities answer; the rest are missing on purpose.

## Feller / traps

- CSV: Oslo skrevet \`301\` (ledende null mangler / leading zero lost).
- CSV: to rader bare «Herøy kommune» uten nummer (Møre og Romsdal og Nordland) — tvetydig med vilje; svarene nevner Søre Sunnmøre / Helgelandskysten.
- CSV: «${resubmitter.name} kommune» svarer to ganger (${ddmmyyyy(firstVersion.received)} og ${ddmmyyyy(secondVersion.received)}) med endrede svar — ny versjon.
- CSV + brev: «${updater.name} kommune» svarer i skjema ${ddmmyyyy(updaterFirst.received)} og sender oppdatert brev etter fristen (\`Oppdatert svar - ${updater.name} kommune.docx\`).
- Innsendere som ikke er kommuner / non-municipal respondents: «${OTHER_RESPONDENTS.statsforvalteren.name}» (CSV), «${OTHER_RESPONDENTS.ks.name}» (XLSX).
- XLSX: «Guovdageaidnu suohkan» (Kautokeino, samisk navn, uten nummer) og «Våler kommune (Hedmark)» (uten nummer; fylket avgjør).
- Navnevarianter / name variants: «X kommune v/ kommunedirektøren», «Ordføreren i X», offisielle flerspråklige navn (${[...new Set(multilingualNames)].map((n) => `«${n}»`).join(', ')}).
- Noen svar starter med «- » (ser ut som formel i Excel / formula-looking start), noen celler har linjeskift og anførselstegn, noen spørsmål er ubesvart.
- Svar etter fristen 01.06.2022 (inntil 15.06.2022).
- Felles uttalelser, ordrett like / shared joint statements: ${joint}; ${edited} har en lett redigert kopi (nesten-duplikat / near-duplicate).
- Brev uten spørsmålsstruktur («må deles opp» / needs splitting): ${proseFiles.join(', ')}.
- Brevoverskrifter varierer / heading styles vary: «Spørsmål 1», «Spørsmål 1: <tekst>», «1. <tekst>», spørsmålsteksten alene, «Svar på spørsmål 1», «SPØRSMÅL 1».
- PDF med lange overskrifter som brytes over flere linjer / wrapped headings: ${wrapped.map((x) => `\`${x.file}\``).join(', ')} — resten av spørsmålsteksten havner først i svaret.
- Hilsen og signatur står etter siste svar og følger med svaret på spørsmål 5 / the closing and signature follow the last answer.
- Filnavn uten kommunenummer og med æøå; kommunen må da finnes fra brevhodet.
- ${nynorskShare} % av kommunene som svarer, skriver nynorsk (etter registerets målform) / answer in nynorsk.
`;
}

// ------------------------------------------------------------------- main

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const csv = buildCsv();
  const xlsx = await buildXlsx();
  const json = buildJson();
  const zip = await buildZip();
  const covered = Object.values(assigned).reduce((n, list) => n + list.length, 0);
  writeFileSync(path.join(outDir, FILES.csv), csv.bytes);
  writeFileSync(path.join(outDir, FILES.xlsx), xlsx.bytes);
  writeFileSync(path.join(outDir, FILES.json), json.bytes);
  writeFileSync(path.join(outDir, FILES.zip), zip.bytes);
  writeFileSync(path.join(outDir, FILES.readme), readme({ csv: csv.rows, xlsx: xlsx.rows, json: json.rows, letters: zip.specs, covered }));
  const tally = (key: (r: Response) => string) => {
    const counts: Record<string, number> = {};
    for (const r of responses.values()) counts[key(r)] = (counts[key(r)] ?? 0) + 1;
    return Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  };
  console.log(
    `${path.relative(process.cwd(), outDir) || '.'}: CSV ${csv.rows} rows, XLSX ${xlsx.rows} rows, JSON ${json.rows} entries, ` +
      `ZIP ${zip.specs.length} letters; ${covered} municipalities answer, ${NON_RESPONDERS} do not`,
  );
  console.log(`language: ${tally((r) => r.profile.lang)}; Q2: ${tally((r) => r.profile.verdict)}; Q5: ${tally((r) => r.profile.stance)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
