// The municipal e-mail domain table, derived from the shipped register:
// Bodø's bodo.kommune.no, a municipality merged in 2020 (Midt-Telemark, Kinn),
// nynorsk herad.no and Sami suohkan.no, names two municipalities share, and
// addresses that are no municipality's. Then the sender as weighed with an
// e-mail: the letter's letterhead first, the domain next, the subject last.
// Checked against the register's source list of real domains where present.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainLabels, municipalityByEmail } from '../../../../src-main/core/import/email-domains';
import { MunicipalityMatcher } from '../../../../src-main/core/import/match';
import { detectSender } from '../../../../src-main/core/import/sender';
import { sharedDataDir, shippedRegister } from '../../../helpers/reference';

const matcher = new MunicipalityMatcher(shippedRegister().municipalities.map((m) => ({ ...m, number2024: m.number2024 ?? null })));
const numberOf = (name: string) => matcher.entries.find((e) => e.name === name)!.number;
const byEmail = (address: string) => municipalityByEmail(address, matcher)?.match ?? null;

describe('municipalityByEmail', () => {
  it('postmottak@bodo.kommune.no is Bodø', () => {
    expect(numberOf('Bodø')).toBe('1804');
    expect(municipalityByEmail('postmottak@bodo.kommune.no', matcher)).toEqual({ domain: 'bodo.kommune.no', match: { status: 'matched', number: '1804', how: 'name' } });
  });

  it('the 2020 mergers by their new names: Midt-Telemark (Bø + Sauherad), Kinn (Flora + Vågsøy), Indre Fosen', () => {
    expect(byEmail('post@midt-telemark.kommune.no')).toMatchObject({ status: 'matched', number: numberOf('Midt-Telemark') });
    expect(byEmail('postmottak@kinn.kommune.no')).toMatchObject({ status: 'matched', number: numberOf('Kinn') });
    expect(byEmail('postmottak@indrefosen.kommune.no')).toMatchObject({ status: 'matched', number: numberOf('Indre Fosen') });
  });

  it('æ, ø and å as domains spell them, upper case, a display name and a subdomain', () => {
    expect(byEmail('Postmottak <POSTMOTTAK@Tromso.Kommune.NO>')).toMatchObject({ number: numberOf('Tromsø') });
    expect(byEmail('post@aal.kommune.no')).toMatchObject({ number: numberOf('Ål') });
    expect(byEmail('post@ralingen.kommune.no')).toMatchObject({ number: numberOf('Rælingen') });
    expect(byEmail('kari@skole.baerum.kommune.no')).toMatchObject({ number: numberOf('Bærum') });
    expect(byEmail('post@voss.herad.no')).toMatchObject({ number: numberOf('Voss') });
  });

  it('a name two municipalities share is ambiguous, also with a county suffix (heroy-no, valer-of)', () => {
    const heroy = matcher.entries.filter((e) => e.name === 'Herøy').map((e) => e.number).sort();
    expect(byEmail('postmottak@heroy-no.kommune.no')).toEqual({ status: 'ambiguous', candidates: heroy });
    expect(byEmail('postmottak@valer-of.kommune.no')).toMatchObject({ status: 'ambiguous' });
  });

  it('no municipality: another domain, an unknown label, no address', () => {
    expect(byEmail('postmottak@jd.dep.no')).toBeNull();
    expect(byEmail('ola@bodo.no')).toBeNull();
    expect(byEmail('post@atlantis.kommune.no')).toBeNull();
    expect(byEmail('Bodø kommune')).toBeNull();
  });

  it('every municipality is found by the plainest spelling of its name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...matcher.entries), (e) => {
        const m = byEmail(`post@${domainLabels(e.name)[0]}.kommune.no`);
        expect(m).not.toBeNull();
        if (m!.status === 'matched') expect(m!.number).toBe(e.number);
        else expect(m).toMatchObject({ status: 'ambiguous', candidates: expect.arrayContaining([e.number]) });
      }),
      { numRuns: 200 },
    );
  });

  it.runIf(sharedDataDir && existsSync(path.join(sharedDataDir, 'kommuner_2022_merged.csv')))('covers the real domains of the register source list, but for the irregular ones named here', () => {
    const rows = readFileSync(path.join(sharedDataDir!, 'kommuner_2022_merged.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const misses: string[] = [];
    for (const r of rows) {
      const [number, domain] = [r[0].padStart(4, '0'), r[7].replace(/^www\./, '')];
      const m = byEmail(`postmottak@${domain}`);
      const ok = m && (m.status === 'matched' ? m.number === number : m.status === 'ambiguous' && m.candidates.includes(number));
      if (!ok) misses.push(domain);
    }
    // Abbreviations, other top-level domains and a Sami genitive: not derivable from the names.
    expect(misses.sort()).toEqual(['e-h.kommune.no', 'guovdageainnu.suohkan.no', 'ha.no', 'io.kommune.no', 'kvam.no', 'mgk.no', 'sarpsborg.com', 'svk.no', 'tysver.kommune.no'].sort());
  });
});

describe('the sender of an e-mailed letter', () => {
  const letter = (lines: string[]) => lines.join('\n');
  const plain = letter(['Spørsmål 1', 'Vi er fornøyde.', 'Spørsmål 2', 'Mer politi.', 'Med hilsen', 'Kari']);

  it('the address’s domain names the municipality when the letter does not', () => {
    const s = detectSender({ fileName: 'svar.eml', text: plain, emailFrom: 'Postmottak <postmottak@bodo.kommune.no>' }, matcher);
    expect(s).toMatchObject({ status: 'found', kind: 'kommune', match: { status: 'matched', number: '1804' } });
    expect(s.candidates[0].evidence[0]).toMatchObject({ source: 'email', text: 'Fra: Postmottak <postmottak@bodo.kommune.no>' });
  });

  it('the letterhead outweighs the address (a letter from Fauske sent by a Bodø address)', () => {
    const s = detectSender({ fileName: 'svar.pdf', text: `Fauske kommune\n${plain}\nFauske kommune`, emailFrom: 'postmottak@bodo.kommune.no' }, matcher);
    expect(s.match).toMatchObject({ status: 'matched', number: numberOf('Fauske') });
  });

  it('the subject names the sender when nothing else does', () => {
    const s = detectSender({ fileName: 'svar.eml', text: plain, emailFrom: 'Ola <ola@eksempel.no>', emailSubject: 'Høringssvar fra Saltdal kommune' }, matcher);
    expect(s).toMatchObject({ status: 'found', match: { status: 'matched', number: numberOf('Saltdal') } });
    expect(s.candidates[0].evidence).toContainEqual(expect.objectContaining({ source: 'subject', text: 'Høringssvar fra Saltdal kommune' }));
  });

  it('the domain outweighs the subject', () => {
    const s = detectSender({ fileName: 'svar.eml', text: plain, emailFrom: 'post@midt-telemark.kommune.no', emailSubject: 'Svar til Bodø kommune' }, matcher);
    expect(s.match).toMatchObject({ status: 'matched', number: numberOf('Midt-Telemark') });
  });
});
