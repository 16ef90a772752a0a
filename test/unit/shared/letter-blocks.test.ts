// Letterheads and signatures are recognised as letter furniture (kept, not
// counted as text waiting to be distributed), and nothing that may be an
// answer is: tested on the real høringssvar in ../shared, on the demo's
// letters and on hand-made parts, with a property that answer prose is never
// taken for furniture.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../src-main/core/import/formats/letter';
import { splitLetter } from '../../../src-main/core/import/split';
import { isUndistributedAnswerText, letterBlockKind } from '../../../src-shared/letter-blocks';
import { QUESTIONS } from '../../helpers/import-fixtures';

/** The demo's nynorsk letter from Bjørnafjorden (synthetic, as scripts/make-demo-batch.ts writes it), abridged. */
const BJORNAFJORDEN = [
  'SYNTETISKE EKSEMPELDATA – ikke et ekte høringssvar',
  '',
  'Bjørnafjorden kommune',
  '',
  'Justis- og beredskapsdepartementet',
  'Postboks 8005 Dep',
  '0030 OSLO',
  'Deres ref.: 22/535',
  'Vår ref.: 22/945-5',
  'Dato: 27.05.2022',
  '',
  'Svar på brev om betre polititenester og beredskap',
  '',
  'Vi viser til brev frå Justis- og beredskapsdepartementet om betre polititenester og beredskap, med svarfrist 1. juni 2022. Kommunen takkar for høvet til å gje innspel.',
  '',
  'Svaret er handsama i formannskapet 20.05.2022.',
  '',
  'Spørsmål 1',
  '',
  'Førebygging blant born og unge er den viktigaste satsinga til kommunen.',
  '',
  'Spørsmål 5',
  '',
  'Kommunen ønskjer ikkje ein eigen tenestestad, men eit tettare samarbeid med tenestestaden i Bergen.',
  '',
  'Med venleg helsing',
  '',
  'Kommunedirektør',
  'Dokumentet er elektronisk godkjent og har difor inga signatur.',
].join('\n');

describe('letterBlockKind on the demo letter, as the import splits it', () => {
  const result = splitLetter(BJORNAFJORDEN, QUESTIONS);
  const unassigned = result.parts.filter((p) => p.question === null);

  it('finds the letterhead before the first question and the nynorsk closing after the last', () => {
    expect(result.needsSplitting).toBe(false);
    expect(unassigned.map((p) => letterBlockKind(p.text))).toEqual(['letterhead', 'signature']);
    // «Med venleg helsing» is no longer part of the answer to question 5.
    expect(result.parts.find((p) => p.question === 5)?.text).toBe('Kommunen ønskjer ikkje ein eigen tenestestad, men eit tettare samarbeid med tenestestaden i Bergen.');
    expect(unassigned.some((p) => isUndistributedAnswerText(p.text))).toBe(false);
  });

  it('still counts a preamble that says something of substance', () => {
    const withOpinion = BJORNAFJORDEN.replace('Spørsmål 1', 'Kommunen meiner politiet må vere meir synleg i heile distriktet.\n\nSpørsmål 1');
    const head = splitLetter(withOpinion, QUESTIONS).parts[0];
    expect(head.question).toBeNull();
    expect(letterBlockKind(head.text)).toBeNull();
    expect(isUndistributedAnswerText(head.text)).toBe(true);
  });

  it('keeps a whole unsplit letter counted: it needs distributing', () => {
    const prose = BJORNAFJORDEN.replace(/Spørsmål \d\n\n/g, '');
    const unsplit = splitLetter(prose, QUESTIONS);
    expect(unsplit.needsSplitting).toBe(true);
    expect(letterBlockKind(unsplit.parts[0].text)).toBeNull();
  });
});

describe('letterBlockKind on the real høringssvar in ../shared (Tengesdal to HK-dir)', async () => {
  const text = (await readPdf(readFileSync('../shared/external/norwegian/hoeringssvar-2024-04-15-tengesdal-hkdir.pdf'))).text;
  const lines = text.split('\n');

  it('recognises its letterhead: name, title, address, phone, e-mail, web, reference, recipient, date, the spaced-out subject', () => {
    const subject = lines.findIndex((l) => l.startsWith('1 INNL'));
    expect(subject).toBeGreaterThan(10);
    const head = lines.slice(0, subject).join('\n');
    expect(head).toContain('HK-dirs ref.: 24/00075');
    expect(letterBlockKind(head)).toBe('letterhead');
  });

  it('recognises its closing, and not once the references with their long lines follow it', () => {
    const closing = lines.findIndex((l) => l.startsWith('Med vennlig hilsen'));
    expect(letterBlockKind(lines.slice(closing, closing + 2).join('\n'))).toBe('signature');
    expect(letterBlockKind(lines.slice(closing).join('\n'))).toBeNull();
  });

  it('never takes the letter as a whole, or its body, for furniture', () => {
    expect(letterBlockKind(text)).toBeNull();
    const body = lines.slice(lines.findIndex((l) => l.startsWith('Det vises til')), lines.findIndex((l) => l.startsWith('Med vennlig hilsen'))).join('\n');
    expect(letterBlockKind(body)).toBeNull();
  });
});

describe('letterBlockKind on hand-made parts', () => {
  it('knows signatures with names, titles, contact lines and a page footer', () => {
    expect(letterBlockKind('Med vennlig hilsen\n\nKari Nordmann\nordfører\n\nTlf. 12 34 56 78\nkari.nordmann@alvdal.kommune.no\nSide 3 av 3')).toBe('signature');
    expect(letterBlockKind('Mvh\nOla')).toBe('signature');
    expect(letterBlockKind('Med hilsen,\nAlta kommune')).toBe('signature');
  });

  it('does not take a closing followed by more to say for a signature', () => {
    expect(letterBlockKind('Med hilsen\nVi vil også nevne at responstiden har økt kraftig de siste årene. Dette bekymrer oss.')).toBeNull();
    expect(letterBlockKind('Med hilsen\nKan politiet komme oftere?')).toBeNull();
  });

  it('needs a line only a letterhead has: a short answer is never a letterhead', () => {
    expect(letterBlockKind('Alta kommune\nPolitidirektoratet')).toBeNull();
    expect(letterBlockKind('Ja, vi ønsker et nytt tjenestested')).toBeNull();
    expect(letterBlockKind('Nei')).toBeNull();
    expect(letterBlockKind('')).toBeNull();
    expect(letterBlockKind('Alta kommune\nDeres ref.: 22/535\nOslo, 15. april 2024')).toBe('letterhead');
  });

  it('never takes answer prose for furniture, whatever letterhead lines surround it', () => {
    const furniture = fc.constantFrom('Deres ref.: 22/535', 'Dato: 27.05.2022', '0030 OSLO', 'Postboks 8005 Dep', 'Alvdal kommune', 'Med vennlig hilsen', 'Side 1 av 2', '');
    const answer = fc.constantFrom(
      'Kommunen er ikke fornøyd med bemanningen etter reformen.',
      'Vi ønsker et tjenestested i kommunen, og vi kan tilby lokaler i rådhuset.',
      'Responstiden har økt. Innbyggerne føler seg utrygge.',
      'Hvorfor er lensmannskontoret lagt ned når befolkningen vokser?',
      'Politiet bør være mer synlig i sentrum på kveldstid, særlig i helgene.',
    );
    fc.assert(
      fc.property(fc.array(furniture, { maxLength: 6 }), answer, fc.array(furniture, { maxLength: 6 }), (before, said, after) => {
        expect(letterBlockKind([...before, said, ...after].join('\n'))).toBeNull();
      }),
    );
  });
});
