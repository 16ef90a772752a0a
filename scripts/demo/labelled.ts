// A labelled synthetic project for measuring the coding assistant: answers
// composed by the demo generator's phrase banks (compose.ts), each with the
// codes its phrases stand for, which the generator knows because it chose
// them — Q1's themes, Q2's verdict (fornøyd ja/delvis/nei) and Q5's stance on
// a new service point. Q3 and Q4 carry no codes here (left uncoded, as a
// caseworker might leave them). Seeded: same seed and count, same answers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cellText, composeAnswers, makeProfile, ORDINALS, type District, type Municipality } from './compose';
import { THEME_LABEL, THEMES } from './phrases';
import { mulberry32 } from '../../src-shared/rng';

export interface LabelledCode {
  id: string;
  name: string;
  description: string;
  question: number;
}

export interface LabelledAnswer {
  /** "<municipality number>-<round>:q<question>" — unique across rounds. */
  key: string;
  respondent: string;
  question: number;
  text: string;
  /** The ids of the codes this answer carries (empty for Q3 and Q4). */
  codes: string[];
}

const root = path.resolve(import.meta.dirname, '..', '..');

/** The codes the generator can label, with a short coding rule each (the cold start). */
export function labelledCodes(): LabelledCode[] {
  const themes = THEMES.map((t) => ({ id: `tema-${t}`, name: THEME_LABEL[t].nb, description: `Kommunen nevner ${THEME_LABEL[t].nb.toLowerCase()} som en utfordring.`, question: 1 }));
  const verdict = (['ja', 'delvis', 'nei'] as const).map((v) => ({ id: `fornoyd-${v}`, name: `Fornøyd: ${v}`, description: `Kommunen svarer ${v} på om den er fornøyd med polititjenestene.`, question: 2 }));
  const stance = (['ja', 'nei', 'uklart'] as const).map((s) => ({ id: `nytt-sted-${s}`, name: `Ønsker nytt tjenestested: ${s}`, description: `Kommunens svar på om den ønsker et nytt tjenestested: ${s}.`, question: 5 }));
  return [...themes, ...verdict, ...stance];
}

/** `count` respondents' five answers each, municipalities taken in register order (again, with new draws, past 356). */
export function labelledAnswers(count: number, seed = 20221207): LabelledAnswer[] {
  const register = JSON.parse(readFileSync(path.join(root, 'resources/data/register-2022.json'), 'utf8')) as { municipalities: Municipality[] };
  const letter = JSON.parse(readFileSync(path.join(root, 'resources/data/letter-2022.json'), 'utf8')) as { questions: { ordinal: number; options: string[] }[] };
  const q4Options = letter.questions.find((q) => q.ordinal === 4)!.options;
  const municipalities = register.municipalities;
  const districts = new Map<string, District>();
  for (const m of municipalities) {
    const d = districts.get(m.policeDistrictName) ?? { byPopulation: [] };
    d.byPopulation.push(m);
    districts.set(m.policeDistrictName, d);
  }
  for (const d of districts.values()) d.byPopulation.sort((a, b) => b.population - a.population);

  const out: LabelledAnswer[] = [];
  for (let i = 0; i < count; i++) {
    const m = municipalities[i % municipalities.length];
    const round = Math.floor(i / municipalities.length);
    const rng = mulberry32((seed * 31 + Number(m.number) * 7919 + round * 104729) >>> 0);
    const profile = makeProfile(rng, m, districts.get(m.policeDistrictName)!);
    const answers = composeAnswers(rng, profile, q4Options);
    const labels: Record<number, string[]> = {
      1: profile.themes.map((t) => `tema-${t}`),
      2: [`fornoyd-${profile.verdict}`],
      3: [],
      4: [],
      5: [`nytt-sted-${profile.stance}`],
    };
    for (const q of ORDINALS) {
      out.push({ key: `${m.number}-${round}:q${q}`, respondent: `${m.number}-${round}`, question: q, text: cellText(answers[q], '\n\n'), codes: labels[q] });
    }
  }
  return out;
}
