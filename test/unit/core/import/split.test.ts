// Splitting a letter into answers to the letter's five questions: headings it
// trusts, headings it must not trust, and the rule behind all of it — no text
// is ever lost, and when the split is uncertain the letter stays whole and is
// flagged "needs splitting" instead of being guessed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLetter, type SplitResult } from '../../../../src-main/core/import/split';
import { QUESTIONS } from '../../../helpers/import-fixtures';

const [Q1, Q2, Q3, Q4, Q5] = QUESTIONS.map((q) => q.text);
const split = (lines: string[]) => splitLetter(lines.join('\n'), QUESTIONS);
const assigned = (r: SplitResult) => r.parts.map((p) => [p.question, p.text] as const);

/** Every line of the input that is not a heading appears, whole, in some part. */
function expectNothingLost(input: string, result: SplitResult, headings: (line: string) => boolean): void {
  const parts = result.parts.map((p) => p.text);
  for (const line of input.split('\n')) {
    if (line.trim() === '' || headings(line)) continue;
    expect(parts.some((p) => p.includes(line)), `line ${JSON.stringify(line)} is missing`).toBe(true);
  }
}

describe('labelled headings', () => {
  it('splits on "Spørsmål N:" and keeps the letter head as unassigned text', () => {
    const result = split(['Til Justis- og beredskapsdepartementet', 'Dato: 30.05.2022', '', 'Spørsmål 1:', 'Rus og vold blant unge.', '', 'Spørsmål 2:', 'Nei.', 'Spørsmål 3:', 'Tettere samarbeid.']);
    expect(result.method).toBe('labelled');
    expect(result.needsSplitting).toBe(false);
    expect(assigned(result)).toEqual([
      [null, 'Til Justis- og beredskapsdepartementet\nDato: 30.05.2022'],
      [1, 'Rus og vold blant unge.'],
      [2, 'Nei.'],
      [3, 'Tettere samarbeid.'],
    ]);
  });

  it('takes the answer from the heading line itself ("Spørsmål 1: Vi ser …")', () => {
    expect(assigned(split(['Spørsmål 1: Vi ser økende rus.', 'Mer tekst.', 'Spørsmål 2: Nei.']))).toEqual([
      [1, 'Vi ser økende rus.\nMer tekst.'],
      [2, 'Nei.'],
    ]);
  });

  it.each([
    ['Svar på spørsmål 1', 'Svar på spørsmål 2'],
    ['SPØRSMÅL 1', 'SPØRSMÅL 2'],
    ['Spm. 1', 'Spm. 2'],
    ['Q1:', 'Q2:'],
    ['Spørsmål 1)', 'Spørsmål 2)'],
    ['Spørsmål 1 –', 'Spørsmål 2 –'],
  ])('understands %j … %j', (h1, h2) => {
    const result = split([h1, 'Første svar.', h2, 'Andre svar.']);
    expect(result.needsSplitting).toBe(false);
    expect(assigned(result)).toEqual([
      [1, 'Første svar.'],
      [2, 'Andre svar.'],
    ]);
  });

  it('treats a heading that repeats the question as a heading only', () => {
    const result = split([`Spørsmål 2: ${Q2}`, 'Nei, vi er ikke tilfreds.', `Spørsmål 5: ${Q5}`, 'Ja, vi kan tilby lokaler.']);
    expect(assigned(result)).toEqual([
      [2, 'Nei, vi er ikke tilfreds.'],
      [5, 'Ja, vi kan tilby lokaler.'],
    ]);
  });

  it('keeps an answer written on the same line as the repeated question', () => {
    const result = split([`Spørsmål 1: ${Q1} Rus og vold.`, `Spørsmål 2: ${Q2} Nei, vi er ikke fornøyd.`]);
    expect(assigned(result)).toEqual([
      [1, 'Rus og vold.'],
      [2, 'Nei, vi er ikke fornøyd.'],
    ]);
  });

  it('keeps an answer that reuses many of the question\'s words', () => {
    const answer = 'Kommunen er ikke tilfreds med politiets bemanningsutvikling, tjenestestedstruktur og tjenestetilbud, og årsakene er mange.';
    expect(assigned(split(['Spørsmål 2:', answer, 'Spørsmål 3:', 'Ja.']))).toEqual([
      [2, answer],
      [3, 'Ja.'],
    ]);
    expect(assigned(split([`Spørsmål 2: ${answer}`, 'Spørsmål 3: Ja.']))).toEqual([
      [2, answer],
      [3, 'Ja.'],
    ]);
  });

  it('ignores headings for questions the letter does not have', () => {
    const result = split(['Spørsmål 1', 'En.', 'Spørsmål 9', 'Ni.']);
    expect(assigned(result)).toEqual([[1, 'En.\nSpørsmål 9\nNi.']]);
  });
});

describe('the question\'s own text as heading', () => {
  it('splits on the full question text, with or without its number', () => {
    const result = split(['Innledning.', Q1, 'Svar en.', `2. ${Q2}`, 'Svar to.', Q4, 'Svar fire.']);
    expect(result.method).toBe('question-text');
    expect(result.needsSplitting).toBe(false);
    expect(assigned(result)).toEqual([
      [null, 'Innledning.'],
      [1, 'Svar en.'],
      [2, 'Svar to.'],
      [4, 'Svar fire.'],
    ]);
  });

  it('splits on a question cut short (most of its words kept)', () => {
    const result = split([
      'Hvilke utfordringer mener dere kommunen vil stå overfor innenfor områdene forebygging, beredskap og sivile tjenester?',
      'Rus.',
      'Er kommunen tilfreds med politiets bemanningsutvikling, tjenestestedstruktur og tjenestetilbud?',
      'Nei.',
    ]);
    expect(assigned(result)).toEqual([
      [1, 'Rus.'],
      [2, 'Nei.'],
    ]);
  });

  it('reads "Spørsmål 2:" with the question on the next line as one heading', () => {
    const result = split(['Spørsmål 1:', Q1, 'Rus.', '', 'Spørsmål 2:', '', Q2, 'Nei.', '3.', Q3, 'Ja.']);
    expect(result.needsSplitting).toBe(false);
    expect(assigned(result)).toEqual([
      [1, 'Rus.'],
      [2, 'Nei.'],
      [3, 'Ja.'],
    ]);
  });

  it('does not take a line that merely reuses the question\'s words for a heading', () => {
    const echo = 'Er kommunen tilfreds med politiets bemanningsutvikling, tjenestestedstruktur og tjenestetilbud? Nei, langt ifra.';
    // It starts with the question: the rest of the line is the answer.
    expect(assigned(split([echo, 'Mer.']))).toEqual([[2, 'Nei, langt ifra.\nMer.']]);
    const reuse = 'Vi er ikke tilfreds med politiets bemanningsutvikling, tjenestestedstruktur og tjenestetilbud, og årsakene er mange.';
    expect(splitLetter(reuse, QUESTIONS)).toEqual({ parts: [{ question: null, text: reuse }], needsSplitting: true, method: 'none' });
  });

  it('keeps an answer that follows the question on the same line', () => {
    const result = split([`${Q1} Vi ser mange utfordringer.`, 'Mer om det.', `${Q3} Vi vil bidra.`]);
    expect(assigned(result)).toEqual([
      [1, 'Vi ser mange utfordringer.\nMer om det.'],
      [3, 'Vi vil bidra.'],
    ]);
  });
});

describe('numbered headings', () => {
  it.each([
    ['1.', '2.', '3.'],
    ['1)', '2)', '3)'],
  ])('trusts %j %j %j when each number appears once, in order', (a, b, c) => {
    const result = split(['Vi viser til brevet.', `${a} Rus blant unge.`, `${b} Nei.`, `${c} Mer samarbeid.`]);
    expect(result.method).toBe('numbered');
    expect(result.needsSplitting).toBe(false);
    expect(assigned(result)).toEqual([
      [null, 'Vi viser til brevet.'],
      [1, 'Rus blant unge.'],
      [2, 'Nei.'],
      [3, 'Mer samarbeid.'],
    ]);
  });

  it('does not take a numbered list inside an answer for headings when labelled headings exist', () => {
    const result = split(['Spørsmål 1', 'Vi peker på:', '1. Rus', '2. Vold', '3. Ungdomskriminalitet', 'Spørsmål 2', 'Nei.']);
    expect(result.method).toBe('labelled');
    expect(assigned(result)).toEqual([
      [1, 'Vi peker på:\n1. Rus\n2. Vold\n3. Ungdomskriminalitet'],
      [2, 'Nei.'],
    ]);
  });

  it('distrusts bare numbering once a list inside an answer repeats the numbers', () => {
    const input = ['1. Utfordringer:', '1. Rus', '2. Vold', '2. Nei, ikke tilfreds.', '3. Mer samarbeid.'].join('\n');
    const result = splitLetter(input, QUESTIONS);
    expect(result.needsSplitting).toBe(true);
    expect(result.method).toBe('none');
    expect(result.parts).toEqual([{ question: null, text: input }]);
  });

  it('does not trust a single number', () => {
    const input = 'Vi har ett innspill:\n1. Flere politifolk i distriktene.';
    expect(splitLetter(input, QUESTIONS)).toEqual({ parts: [{ question: null, text: input }], needsSplitting: true, method: 'none' });
  });
});

describe('letters without a trustworthy structure', () => {
  it('keeps prose as one unassigned part that needs splitting', () => {
    const prose = 'Kommunen mener politiet bør være mer synlig.\nVi har ingen flere kommentarer.\n\nMed hilsen\nOrdføreren';
    expect(splitLetter(prose, QUESTIONS)).toEqual({ parts: [{ question: null, text: prose }], needsSplitting: true, method: 'none' });
  });

  it('refuses headings out of order', () => {
    const input = 'Spørsmål 2\nNei.\nSpørsmål 1\nJa.';
    expect(splitLetter(input, QUESTIONS)).toEqual({ parts: [{ question: null, text: input }], needsSplitting: true, method: 'none' });
  });

  it('refuses a question answered twice', () => {
    const input = 'Spørsmål 1\nNei.\nSpørsmål 2\nKanskje.\nSpørsmål 1\nJa.';
    expect(splitLetter(input, QUESTIONS)).toMatchObject({ parts: [{ question: null, text: input }], needsSplitting: true });
  });

  it('does not flag an empty letter, or a case without questions', () => {
    expect(splitLetter('  \n', QUESTIONS).needsSplitting).toBe(false);
    expect(splitLetter('Spørsmål 1\nJa.', []).needsSplitting).toBe(false);
    expect(splitLetter('Spørsmål 1\nJa.', []).parts).toEqual([{ question: null, text: 'Spørsmål 1\nJa.' }]);
  });
});

describe('nothing a reader would miss is lost', () => {
  const isHeading = (line: string) => /^(?:svar på )?spørsmål \d:?$/i.test(line.trim()) || QUESTIONS.some((q) => q.text === line.trim());

  it('keeps every line of a mixed letter', () => {
    const input = [
      'Herøy kommune',
      'Dato: 30.05.2022',
      'Spørsmål 1:',
      'Vi ser tre ting:',
      '1. Rus',
      '2. Vold',
      '',
      'Spørsmål 2:',
      Q2,
      'Nei.',
      'Svar på spørsmål 3',
      'Samarbeid.',
      'Med hilsen',
      'Ordføreren',
    ].join('\n');
    const result = splitLetter(input, QUESTIONS);
    expect(result.needsSplitting).toBe(false);
    expectNothingLost(input, result, isHeading);
  });

  // Random letters: a preamble, then sections under "Spørsmål N" headings (in
  // order, out of order or repeated), bare numbers, the question's text, or
  // answers that quote the question, with numbered lists and blank lines.
  const answerLine = fc.oneof(
    fc.constantFrom('Vi ser økt rus blant unge.', 'Nei.', 'Ja, vi kan tilby lokaler.', '1. Rus', '2) Vold', '3. Mangel på beredskap', '', 'Kommunen er ikke tilfreds med politiets bemanningsutvikling og tjenestetilbud.', 'Tjenestested og samarbeid med kommunen.', '- punkt', 'Utfordringer: mange.'),
    fc.stringMatching(/^[A-Za-zæøåÆØÅ0-9 ,.;:?!()-]{1,60}$/),
  );
  const heading = fc.oneof(
    fc.integer({ min: 1, max: 5 }).map((n) => `Spørsmål ${n}:`),
    fc.integer({ min: 1, max: 5 }).map((n) => `Svar på spørsmål ${n}`),
    fc.integer({ min: 1, max: 5 }).map((n) => `${n}. `),
    fc.integer({ min: 1, max: 5 }).map((n) => QUESTIONS[n - 1].text),
    fc.integer({ min: 1, max: 5 }).map((n) => `Spørsmål ${n}: ${QUESTIONS[n - 1].text}`),
  );
  // Text on a heading's own line starts with a letter ("Spørsmål 1: Ja"); a
  // heading's ":" or ")" is the heading's.
  const sameLine = fc.stringMatching(/^[A-Za-zæøåÆØÅ][A-Za-zæøåÆØÅ0-9 ,.;:?!()-]{0,40}$/);
  const section = fc.tuple(heading, fc.array(answerLine, { maxLength: 4 }), fc.option(sameLine, { nil: undefined }));
  const letter = fc.tuple(fc.array(answerLine, { maxLength: 3 }), fc.array(section, { maxLength: 6 }));

  it('keeps every answer line of random letters, split or not', () => {
    fc.assert(
      fc.property(letter, ([preamble, sections]) => {
        const lines: string[] = [...preamble];
        const answerLines: string[] = [...preamble];
        for (const [h, body, sameLine] of sections) {
          // Text on the heading line after the heading is an answer too.
          lines.push(sameLine ? `${h.trimEnd()} ${sameLine}` : h);
          if (sameLine) answerLines.push(sameLine);
          lines.push(...body);
          answerLines.push(...body);
        }
        const input = lines.join('\n');
        const result = splitLetter(input, QUESTIONS);
        const all = result.parts.map((p) => p.text).join('\n');
        for (const line of answerLines) {
          // A leading "3." may have been taken for the heading of question 3.
          const words = line.replace(/^\s*\d{1,2}\s*[.)]\s*/, '').trim();
          if (words === '') continue;
          expect(all.includes(words), `lost ${JSON.stringify(line)} from ${JSON.stringify(input)}`).toBe(true);
        }
        // Uncertain splits keep the text exactly as it was.
        if (result.needsSplitting) expect(result.parts).toEqual([{ question: null, text: input }]);
        // Assigned parts follow the questions in order, each at most once.
        const order = result.parts.flatMap((p) => (p.question === null ? [] : [p.question]));
        expect(order).toEqual([...new Set(order)].sort((a, b) => a - b));
      }),
      { numRuns: 400, seed: 20220601 },
    );
  });
});

it('keeps question 4 (with its options) and 3 (a long question) as headings', () => {
  const result = split([Q3, 'Samarbeid.', Q4, 'Via telefon og internett.']);
  expect(assigned(result)).toEqual([
    [3, 'Samarbeid.'],
    [4, 'Via telefon og internett.'],
  ]);
});
