// Sender detection on free-form letters, one test per case the issue quotes:
// the municipality named after the opening words, a capital «Kommune», body
// mentions that must not make the sender, nynorsk «herad», «v.», listing labels,
// «Fra X kommune», county councils, and *uavklart* below the threshold.
import { describe, expect, it } from 'vitest';
import { MunicipalityMatcher } from '../../../../src-main/core/import/match';
import { cleanRespondentName } from '../../../../src-main/core/import/respondent-name';
import { detectSender, fileNameParts, SENDER_THRESHOLD } from '../../../../src-main/core/import/sender';
import fc from 'fast-check';
import { shippedRegister } from '../../../helpers/reference';

const matcher = new MunicipalityMatcher(shippedRegister().municipalities.map((m) => ({ ...m, number2024: m.number2024 ?? null })));
const numberOf = (name: string) => matcher.entries.find((e) => e.name === name)!.number;
const sender = (text: string, fileName = 'brev.docx') => detectSender({ fileName, text }, matcher);
const body = (n = 6) => Array.from({ length: n }, (_, i) => `Avsnitt ${i + 1}: vi viser til høringen og har noen merknader til forslaget om endringer i ordningen.`).join('\n');

describe('sender from the letter, not the first phrase ending in "kommune"', () => {
  it('«Kommunestyret i Fauske kommune har vedtatt …» is from Fauske', () => {
    const s = sender(`Til Kommunal- og distriktsdepartementet\n\nKommunestyret i Fauske kommune har vedtatt følgende uttalelse:\n${body()}`);
    expect(s).toMatchObject({ status: 'found', kind: 'kommune', match: { status: 'matched', number: numberOf('Fauske') } });
    expect(s.confidence).toBeGreaterThanOrEqual(SENDER_THRESHOLD);
    expect(s.candidates[0].evidence[0]).toMatchObject({ source: 'opening' });
  });

  it('«Høringssvar fra Strand Kommune:» is from Strand (a capital «Kommune» is recognised)', () => {
    const s = sender(`Høringssvar fra Strand Kommune:\n${body()}`);
    expect(s).toMatchObject({ status: 'found', match: { status: 'matched', number: numberOf('Strand') } });
  });

  it('a letterhead and a signature «Med hilsen … for Fauske kommune» agree', () => {
    const s = sender(`FAUSKE KOMMUNE\nDato: 12.03.2024\n${body()}\nMed hilsen\nOla Nordmann\nordfører\nfor Fauske kommune`);
    expect(s).toMatchObject({ status: 'found', match: { status: 'matched', number: numberOf('Fauske') } });
    expect(s.candidates[0].evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['letterhead', 'signature']));
    expect(s.confidence).toBe(1);
  });

  it('an e-mail sender slot names the municipality by its address', () => {
    const s = sender(`Fra: Postmottak <postmottak@giske.kommune.no>\nSendt: 12. mars 2024 10:15\nTil: postmottak@kdd.dep.no\nEmne: Høring\n\n${body()}`);
    expect(s).toMatchObject({ status: 'found', match: { status: 'matched', number: numberOf('Giske') } });
    expect(s.candidates[0].evidence[0].source).toBe('email');
  });

  it('the file name counts when the letter says nothing else', () => {
    const s = sender(`Til departementet\n${body()}`, 'Bodø kommune.docx');
    expect(s).toMatchObject({ status: 'found', match: { status: 'matched', number: '1804' } });
    expect(s.candidates[0].evidence.map((e) => e.source)).toEqual(['filename']);
  });

  it('the letterhead outweighs a file name that says otherwise, but the file name is listed as a candidate', () => {
    const s = sender(`Fauske kommune\n${body()}\nMed hilsen\nFauske kommune`, 'Bodø kommune.docx');
    expect(s.match).toMatchObject({ status: 'matched', number: numberOf('Fauske') });
    expect(s.candidates.map((c) => c.name)).toContain('Bodø kommune');
  });
});

describe('a municipality mentioned in the text is not the sender', () => {
  it('a private person writing «… feks Oslo kommune vil få inntekter …» is not Oslo', () => {
    const s = sender(`Hei\nJeg er imot forslaget. Kommuner som feks Oslo kommune vil få inntekter som andre ikke får.\n${body(3)}\nHilsen\nKari Hansen`, 'Kari Hansen.txt');
    expect(s.match.status).toBe('unmatched');
    expect(s).toMatchObject({ kind: 'annen', name: 'Kari Hansen' });
  });

  it('a letter from three local parties «i Saltdal kommune» is not from the municipality', () => {
    const s = sender(
      `Høringsuttalelse fra Saltdal Arbeiderparti, Saltdal Senterparti og Saltdal SV\n\nVi er tre lokale partier i Saltdal kommune som ønsker å uttale oss.\n${body()}\nSaltdal Arbeiderparti`,
      'uttalelse.pdf',
    );
    expect(s.match.status).toBe('unmatched');
    expect(s).toMatchObject({ status: 'found', kind: 'annen', name: 'Saltdal Arbeiderparti, Saltdal Senterparti og Saltdal SV' });
  });

  it('the real private høringssvar in ../shared (Eirik Tengesdal to HK-dir) is no municipality', async () => {
    const { readFileSync } = await import('node:fs');
    const { readPdf } = await import('../../../../src-main/core/import/formats/letter');
    const letter = await readPdf(readFileSync('../shared/external/norwegian/hoeringssvar-2024-04-15-tengesdal-hkdir.pdf'));
    const s = sender(letter.text, 'hoeringssvar-2024-04-15-tengesdal-hkdir.pdf');
    expect(s.match.status).toBe('unmatched');
    expect(s.kind).toBe('annen');
  });
});

describe('names the register does not know as written', () => {
  it('«Kvam herad» (nynorsk herad for kommune) is Kvam', () => {
    expect(matcher.match('Kvam herad')).toMatchObject({ status: 'matched', number: numberOf('Kvam') });
    expect(sender(`Kvam herad\n${body()}`).match).toMatchObject({ status: 'matched', number: numberOf('Kvam') });
  });

  it('«Giske kommune v. formannskapet» is Giske (v. as well as v/)', () => {
    expect(matcher.match('Giske kommune v. formannskapet')).toMatchObject({ status: 'matched', number: numberOf('Giske') });
    expect(sender(`Giske kommune v. formannskapet\n${body()}`).match).toMatchObject({ status: 'matched', number: numberOf('Giske') });
  });

  it('«Alta kommune (uten merknader)» is Alta, with the label taken off and recorded', () => {
    expect(cleanRespondentName('Alta kommune (uten merknader)')).toEqual({ name: 'Alta kommune', label: 'uten merknader' });
    expect(matcher.match('Alta kommune (uten merknader)')).toMatchObject({ status: 'matched', number: numberOf('Alta') });
    const s = sender(`Alta kommune (uten merknader)\n${body(1)}`);
    expect(s).toMatchObject({ name: 'Alta kommune', label: 'uten merknader', match: { status: 'matched', number: numberOf('Alta') } });
  });

  it('«Fra Dyrøy kommune» is kept as «Dyrøy kommune»', () => {
    expect(cleanRespondentName('Fra Dyrøy kommune')).toEqual({ name: 'Dyrøy kommune', label: null });
    expect(sender(`Fra Dyrøy kommune\n${body()}`)).toMatchObject({ name: 'Dyrøy kommune', match: { status: 'matched', number: numberOf('Dyrøy') } });
  });

  it('a county council (fylkeskommune) is its own kind of respondent, never a municipality', () => {
    const s = sender(`Nordland fylkeskommune\nDato: 01.02.2024\n${body()}\nMed hilsen\nNordland fylkeskommune`);
    expect(s).toMatchObject({ status: 'found', kind: 'fylkeskommune', name: 'Nordland fylkeskommune', match: { status: 'unmatched' } });
    const vestland = sender(`Høyringsfråsegn frå Vestland fylkeskommune\n${body()}`);
    expect(vestland).toMatchObject({ kind: 'fylkeskommune', match: { status: 'unmatched' } });
  });
});

describe('below the threshold the sender is uavklart, never silently assigned', () => {
  it('two municipalities with equal evidence leave the letter uavklart with both as candidates', () => {
    const s = sender(`Bodø kommune\n${body()}\nMed hilsen\nFauske kommune`);
    expect(s.status).toBe('uavklart');
    expect(s.confidence).toBeLessThan(SENDER_THRESHOLD);
    expect(s.match).toEqual({ status: 'ambiguous', candidates: [numberOf('Bodø'), numberOf('Fauske')].sort() });
  });

  it('body mentions alone never make a municipality the sender', () => {
    const s = sender(`${body(3)}\nVi har sett hvordan Tromsø kommune, Bodø kommune og Alta kommune løser dette.\n${body(3)}`, 'innspill.txt');
    expect(s.match.status).toBe('unmatched');
  });

  it('is deterministic', () => {
    const text = `Bodø kommune\n${body()}\nMed hilsen\nFauske kommune`;
    expect(sender(text)).toEqual(sender(text));
  });
});

describe('sender from a file name (#21)', () => {
  it('keeps no punctuation residue and never takes a date’s year for a municipality number', () => {
    expect(fileNameParts('4624-bjørnafjorden.txt')).toEqual({ number: '4624', name: 'bjørnafjorden' });
    expect(fileNameParts('horingssvar-2024-04-15-bodo.pdf')).toEqual({ number: null, name: 'horingssvar bodo' });
    expect(fileNameParts('svar_15.04.2024_1804.docx').number).toBe('1804');
    expect(fileNameParts('20240415 Steigen.pdf')).toEqual({ number: null, name: 'Steigen' });
  });

  it('prefers the letter’s own sender to the file name, with no «Innsendt som» residue', () => {
    const found = sender('Bjørnafjorden kommune\nRådhuset\n\nHøringssvar om politiets tjenester.\n\nMed hilsen\nKari Nordmann', '4624-bjørnafjorden.txt');
    expect(found.name).toBe('Bjørnafjorden kommune');
    expect(found.label ?? '').not.toMatch(/^\p{P}|bjørnafjorden$/u);
  });

  it('a name from a file name never starts or ends with punctuation, and a dated name gives no number (property)', () => {
    const part = fc.constantFrom('-', '_', ' ', '.', 'bodø', 'steigen', 'svar', '1804', '2024-04-15', '15.04.2023');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const { number, name } = fileNameParts(`${parts.join('_')}.pdf`);
        expect(name).not.toMatch(/^[\s\p{P}]|[\s\p{P}]$/u);
        if (number !== null) expect(number).toBe('1804');
      }),
    );
  });
});
