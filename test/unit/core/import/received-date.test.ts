// The received date: the letter's own dated line, never a date the text talks
// about; none rather than a wrong one, with the reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../../src-main/core/import/formats/letter';
import { receivedDate } from '../../../../src-main/core/import/received-date';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `Avsnitt ${i + 1} om forslaget, uten datoer i seg.`).join('\n');

describe('the date the letter carries as its own', () => {
  it('«Dato:» in the letterhead', () => {
    expect(receivedDate(`Bodø kommune\nDato: 30.05.2022\n${filler(5)}`)).toMatchObject({ date: '2022-05-30', source: 'dato' });
  });

  it('«Vår dato» in a reference line, never «Deres dato» (the ministry\'s)', () => {
    expect(receivedDate(`Deres ref.: 22/535   Deres dato: 02.03.2022\nVår ref.: 2022/77   Vår dato: 27.05.2022\n${filler(5)}`).date).toBe('2022-05-27');
    expect(receivedDate(`Deres dato: 02.03.2022\n${filler(30)}`).date).toBeNull();
  });

  it('a place and date line near the signature («Fauske, 12. mars 2024»)', () => {
    expect(receivedDate(`Fauske kommune\n${filler(30)}\nFauske, 12. mars 2024\nMed hilsen\nOla Nordmann`)).toMatchObject({ date: '2024-03-12', source: 'dated-line' });
  });

  it("an e-mail's sent date", () => {
    expect(receivedDate(`Fra: post@giske.kommune.no\nSendt: onsdag 13. mars 2024 10:15\nTil: postmottak@kdd.dep.no\n${filler(5)}`)).toMatchObject({ date: '2024-03-13', source: 'email' });
  });

  it('the real letter in ../shared: «Oslo, 15.04.2024», not the deadline 19.04.2024 in the text', async () => {
    const letter = await readPdf(readFileSync('../shared/external/norwegian/hoeringssvar-2024-04-15-tengesdal-hkdir.pdf'));
    expect(receivedDate(letter.text)).toMatchObject({ date: '2024-04-15', source: 'dated-line' });
  });
});

describe('never a date the text talks about', () => {
  it('a tax that takes effect «1. januar 2024» does not date the letter', () => {
    const r = receivedDate(`Høringssvar fra Strand kommune\nVi er imot at skatten trer i kraft 1. januar 2024.\n${filler(5)}`);
    expect(r.date).toBeNull();
    expect(r.reason).toMatch(/ingen datert linje/i);
  });

  it('a letter citing a decision of 2015 does not get 2015', () => {
    expect(receivedDate(`Kommunestyret viser til vedtak av 12.06.2015 i sak 45/15.\n${filler(5)}\nDato: 03.04.2024`).date).toBe('2024-04-03');
  });

  it("the ministry's own letter date in the text is not the response's", () => {
    expect(receivedDate(`Vi viser til departementets brev datert 2. mars 2022 om høring.\n${filler(5)}`).date).toBeNull();
  });

  it('two different «Dato:» lines give none, saying why', () => {
    const r = receivedDate(`Dato: 01.03.2024\n${filler(3)}\nDato: 05.03.2024`);
    expect(r.date).toBeNull();
    expect(r.reason).toMatch(/flere ulike datolinjer/);
  });
});
