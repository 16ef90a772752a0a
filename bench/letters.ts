// Evaluation of reading free-form letters (`npx tsx bench/run.ts letters`): a
// synthetic, seeded set that mimics real consultation responses — letterheads
// in any case, «herad» and nynorsk, openings such as «Kommunestyret i X kommune
// har …», signatures «for X kommune», e-mail headers, dates of other things in
// the text («trer i kraft 1. januar 2025», «vedtak av 2015», «Deres dato»),
// other municipalities and county councils mentioned in the body, letters from
// organisations, local parties and private persons, and passages of 20–120
// words pasted (sometimes with small edits) into different letters. Prints
// sender precision and recall on municipal letters, date accuracy and passage
// recall and precision against the targets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findPassages } from '../src-main/core/analysis/passages';
import { seededRandom } from '../src-main/core/analysis/minhash';
import { MunicipalityMatcher } from '../src-main/core/import/match';
import { receivedDate } from '../src-main/core/import/received-date';
import { detectSender } from '../src-main/core/import/sender';
import type { RegisterData } from '../src-main/core/reference/load';

const register = JSON.parse(readFileSync(path.join(__dirname, '..', 'resources', 'data', 'register-2022.json'), 'utf8')) as RegisterData;
const matcher = new MunicipalityMatcher(register.municipalities.map((m) => ({ ...m, number2024: m.number2024 ?? null })));
const next = seededRandom(2024);
const pick = <T>(list: readonly T[]): T => list[next() % list.length];
const chance = (p: number) => next() % 1000 < p * 1000;

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const WORDS = (
  'kommunen mener forslaget vil gi økte kostnader for innbyggerne og næringslivet i distriktene samtidig som tjenestetilbudet svekkes ' +
  'vi støtter intensjonen men savner en grundigere utredning av konsekvensene for små kommuner med spredt bosetting og lange avstander ' +
  'departementet bør vurdere overgangsordninger kompensasjon og tettere dialog med kommunesektoren før endringene trer i kraft ' +
  'heradet meiner framlegget vil svekkje det lokale sjølvstyret og gje auka utgifter til drift av tenester for innbyggjarane ' +
  'bemanning rekruttering økonomi beredskap helse skole samferdsel vei havn kraft vann avløp areal planlegging natur klima landbruk fiske reiseliv'
).split(' ');
const NAMES = ['Kari Nordmann', 'Ola Hansen', 'Ingrid Berg', 'Per Olsen', 'Anne Lie', 'Nils Dahl', 'Siri Moen', 'Jon Bakke'];
const ORGS = ['Naturvernforbundet i Nordland', 'Norges Bondelag', 'Fagforbundet Vestland', 'Næringsforeningen i Tromsø-regionen', 'Norsk Friluftsliv', 'Kraftkommunenes landsforening', 'Fiskebåt', 'Pensjonistforbundet Agder'];
const COUNTIES = [...new Set(register.municipalities.map((m) => m.countyName))].filter((c) => !/oslo/i.test(c));

function sentence(n = 8 + (next() % 12)): string {
  const words = Array.from({ length: n }, () => pick(WORDS));
  return `${words[0][0].toUpperCase()}${words[0].slice(1)} ${words.slice(1).join(' ')}.`;
}
function paragraph(): string {
  return Array.from({ length: 2 + (next() % 3) }, () => sentence()).join(' ');
}
function date(y: number): { iso: string; numeric: string; long: string } {
  const m = 1 + (next() % 12);
  const d = 1 + (next() % 28);
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { iso, numeric: `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`, long: `${d}. ${MONTHS[m - 1]} ${y}` };
}
/** Sentences that talk about dates that are not the letter's. */
function datedTalk(): string {
  return pick([
    () => `Endringen skal etter forslaget tre i kraft ${date(2025).long}.`,
    () => `Kommunestyret viser til tidligere vedtak av ${date(2015).numeric} i sak 45/15.`,
    () => `Vi viser til departementets høringsbrev datert ${date(2024).long}.`,
    () => `Fristen for innspel var ${date(2024).numeric}, og vi ber om forståing for at svaret kjem no.`,
  ])();
}
/** Another municipality or a county council in the body, as a place or an example. */
function bodyMention(self: string): string {
  const other = pick(register.municipalities.filter((m) => m.name !== self)).name;
  return pick([
    () => `Vi har hatt god dialog med nabokommunen ${other} kommune om dette.`,
    () => `Erfaringene fra blant annet ${other} kommune viser at ordningen kan fungere.`,
    () => `Kommuner som feks ${other} kommune vil få større inntekter enn oss.`,
    () => `${pick(COUNTIES)} fylkeskommune har også uttalt seg i saken.`,
  ])();
}

interface Letter {
  fileName: string;
  text: string;
  /** The municipality that sent it, or null. */
  municipality: string | null;
  county: boolean;
  /** The letter's own date, or null when it carries none. */
  date: string | null;
}

function municipalLetter(): Letter {
  const m = pick(register.municipalities.filter((x) => !['Herøy', 'Våler'].includes(x.name)));
  const nynorsk = chance(0.2);
  const unit = nynorsk && chance(0.5) ? 'herad' : pick(['kommune', 'kommune', 'Kommune']);
  const own = `${m.name} ${unit}`;
  const d = date(2024);
  const lines: string[] = [];
  const style = next() % 5;
  const dated = chance(0.85);
  if (style === 4) {
    lines.push(`Fra: Postmottak ${own} <postmottak@${m.name.toLowerCase().replace(/[^a-zæøå]+/g, '-')}.kommune.no>`);
    if (dated) lines.push(`Sendt: ${pick(['mandag', 'onsdag', 'fredag'])} ${d.long} 10:14`);
    lines.push('Til: postmottak@kdd.dep.no', 'Emne: Høringssvar', '');
  } else if (style !== 3) {
    lines.push(pick([own, own.toUpperCase(), `${own} v. formannskapet`, `${own} v/ rådmannen`]));
  }
  lines.push('Kommunal- og distriktsdepartementet', 'Postboks 8112 Dep', '0032 OSLO', '');
  if (style === 1) lines.push(`Deres ref.: 24/1234   Deres dato: ${date(2024).numeric}`, `Vår ref.: 2024/77   Vår dato: ${dated ? d.numeric : ''}`.trimEnd());
  else if (style === 0 && dated) lines.push(`Dato: ${d.numeric}`);
  lines.push('');
  if (style === 3) lines.push(`Kommunestyret i ${own} har i møte behandlet saken og vedtatt følgende uttalelse:`);
  else lines.push(pick([`Høringssvar fra ${own}`, 'Høringssvar – forslag til endringer', `Uttalelse fra ${own}`, 'Svar på høring']));
  for (let i = 0; i < 3 + (next() % 4); i++) {
    lines.push(paragraph());
    if (chance(0.5)) lines.push(datedTalk());
    lines.push(paragraph());
    if (chance(0.4)) lines.push(bodyMention(m.name));
  }
  if ((style === 2 || style === 3) && dated) lines.push('', `${m.name}, ${d.long}`);
  lines.push('', nynorsk ? 'Med helsing' : 'Med hilsen', pick(NAMES), pick(['ordfører', 'kommunedirektør', 'rådmann']));
  if (chance(0.5)) lines.push(`for ${own}`);
  const fileName = pick([`${own}.pdf`, 'høringssvar.docx', `${m.number}_uttalelse.pdf`, `dok${next() % 100000}.pdf`, `${m.name}.docx`]);
  return { fileName, text: lines.join('\n'), municipality: m.number, county: false, date: dated ? d.iso : null };
}

function otherLetter(): Letter {
  const kind = next() % 4;
  const d = date(2024);
  const dated = chance(0.8);
  const place = pick(register.municipalities).name;
  const lines: string[] = [];
  let county = false;
  if (kind === 0) {
    const org = pick(ORGS);
    lines.push(org, '', `Høringssvar fra ${org}`);
  } else if (kind === 1) {
    lines.push(`Høringsuttalelse fra ${place} Arbeiderparti, ${place} Senterparti og ${place} SV`, '', `Vi er tre lokale partier i ${place} kommune som ønsker å uttale oss.`);
  } else if (kind === 2) {
    lines.push(pick(NAMES), 'Storgata 1', '9000 TROMSØ', '', 'Hei', `Jeg er imot forslaget. Kommuner som feks ${place} kommune vil få inntekter som andre ikke får.`);
  } else {
    const c = pick(COUNTIES);
    lines.push(`${c} fylkeskommune`, '', 'Høringssvar');
    county = true;
  }
  if (dated) lines.push(`${pick(['Oslo', 'Bodø', 'Tromsø', place])}, ${d.numeric}`);
  for (let i = 0; i < 3; i++) {
    lines.push(paragraph());
    if (chance(0.5)) lines.push(datedTalk());
  }
  lines.push('', 'Med vennlig hilsen', pick(NAMES));
  return { fileName: pick(['uttalelse.pdf', 'innspill.docx', `svar${next() % 1000}.pdf`]), text: lines.join('\n'), municipality: null, county, date: dated ? d.iso : null };
}

/** Passages of 20–120 words pasted into 2–6 letters, a third with one or two words changed. */
function plantPassages(letters: Letter[]): { words: number; members: number[] }[] {
  const planted: { words: number; members: number[] }[] = [];
  for (let p = 0; p < 40; p++) {
    const length = 20 + (next() % 101);
    const words = Array.from({ length }, () => pick(WORDS));
    const members = new Set<number>();
    const size = 2 + (next() % 5);
    while (members.size < size) members.add(next() % letters.length);
    for (const i of members) {
      const copy = [...words];
      if (chance(0.33)) for (let e = 0; e < 1 + (next() % 2); e++) copy[5 + (next() % (length - 10))] = `endra${p}`;
      const lines = letters[i].text.split('\n');
      const at = Math.min(lines.length - 4, 8 + (next() % Math.max(1, lines.length - 12)));
      lines.splice(at, 0, `${copy.join(' ')}.`);
      letters[i].text = lines.join('\n');
    }
    planted.push({ words: length, members: [...members].sort((a, b) => a - b) });
  }
  return planted;
}

function main(): void {
  const letters: Letter[] = [...Array.from({ length: 400 }, municipalLetter), ...Array.from({ length: 150 }, otherLetter)];
  // Shared passages are pasted in after the letters are written, as a joint wording is.
  const planted = plantPassages(letters);

  let municipal = 0;
  let correct = 0;
  let assigned = 0;
  let wrong = 0;
  let unresolved = 0;
  let countyRight = 0;
  let counties = 0;
  const dates = { withLine: 0, right: 0, wrong: 0, none: 0, withoutLine: 0, invented: 0 };
  const started = performance.now();
  for (const l of letters) {
    const s = detectSender({ fileName: l.fileName, text: l.text }, matcher);
    const number = s.match.status === 'matched' ? s.match.number : null;
    if (number) assigned++;
    if (l.municipality) {
      municipal++;
      if (number === l.municipality) correct++;
      if (s.status === 'uavklart') unresolved++;
    }
    if (number && number !== l.municipality) wrong++;
    if (l.county) {
      counties++;
      if (s.kind === 'fylkeskommune' && !number) countyRight++;
    }
    const r = receivedDate(l.text);
    if (l.date) {
      dates.withLine++;
      if (r.date === l.date) dates.right++;
      else if (r.date) dates.wrong++;
      else dates.none++;
    } else {
      dates.withoutLine++;
      if (r.date) dates.invented++;
    }
  }
  const readMs = performance.now() - started;

  const t0 = performance.now();
  const found = findPassages(letters.map((l, i) => ({ text: l.text, owner: i })));
  const passageMs = performance.now() - t0;
  // A planted passage is found when one group holds a span in each of its letters.
  const groupsOf = (doc: number) => new Set(found.groups.flatMap((g, i) => (g.spans.some((s) => s.doc === doc) ? [i] : [])));
  const isFound = (p: { members: number[] }) => [...groupsOf(p.members[0])].some((g) => p.members.every((m) => found.groups[g].spans.some((s) => s.doc === m)));
  const long = planted.filter((p) => p.words >= 25);
  const foundLong = long.filter(isFound).length;
  const foundAll = planted.filter(isFound).length;
  // A found group is right when its letters are (a subset of) one planted passage's letters.
  const right = found.groups.filter((g) => planted.some((p) => g.spans.every((s) => p.members.includes(s.doc)))).length;
  // The recipient's address block and e-mail header are shared text too (found rightly), but nobody planted them.
  const spanText = (g: (typeof found.groups)[number]) => letters[g.spans[0].doc].text.slice(found.tokens[g.spans[0].doc].starts[g.spans[0].from], found.tokens[g.spans[0].doc].ends[g.spans[0].to - 1]);
  const boilerplate = found.groups.filter((g) => !planted.some((p) => g.spans.every((s) => p.members.includes(s.doc))) && /distriktsdepartementet/.test(spanText(g))).length;

  if (process.env.LETTERS_DEBUG) {
    for (const g of found.groups.filter((g) => !planted.some((p) => g.spans.every((s) => p.members.includes(s.doc))) && !/distriktsdepartementet/.test(spanText(g))).slice(0, 3)) {
      for (const s of g.spans) console.log(s.doc, JSON.stringify(letters[s.doc].text.slice(found.tokens[s.doc].starts[s.from], found.tokens[s.doc].ends[s.to - 1])));
      console.log('--');
    }
  }
  const f = (x: number) => x.toFixed(3).replace('.', ',');
  console.log(`${letters.length} letters (${municipal} municipal, ${letters.length - municipal} from organisations, local parties, private persons and ${counties} county councils); read in ${Math.round(readMs)} ms`);
  console.log(`  sender on municipal letters: precision ${f(correct / Math.max(1, correct + wrong))} (${correct} right, ${wrong} letters assigned to a wrong municipality of ${assigned} assigned), recall ${f(correct / municipal)} (${unresolved} left uavklart)   target ≥ 0,98 / ≥ 0,95`);
  console.log(`  county councils as their own kind: ${countyRight} of ${counties}`);
  console.log(`  received date where the letter has a dated line: ${dates.right} right, ${dates.wrong} wrong, ${dates.none} none of ${dates.withLine} (accuracy ${f(dates.right / dates.withLine)})   target: 0 wrong`);
  console.log(`  letters without a dated line given a date anyway: ${dates.invented} of ${dates.withoutLine}`);
  console.log(`  passages: ${foundLong} of ${long.length} planted passages of ≥ 25 words found (recall ${f(foundLong / Math.max(1, long.length))}), ${foundAll} of ${planted.length} of 20–120 words; precision ${f(right / Math.max(1, found.groups.length - boilerplate))} (${right} of ${found.groups.length - boilerplate} groups within one planted passage's letters, not counting ${boilerplate} groups of the generator's own shared address block and e-mail header); ${Math.round(passageMs)} ms   target: every passage ≥ 25 words`);
}

main();
