// nb_key, the sort key SQLite orders the response list by: its plain binary
// order must be norwegianCompare's, for names as caseworkers meet them
// (æ/ø/å, "aa", accents, case, numbers, punctuation), and SQLite must see it.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { norwegianSortKey, registerNorwegianFunctions } from '../../../../src-main/core/store/collation';
import { norwegianCompare } from '../../../../src-shared/norwegian';

const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sign = (n: number) => Math.sign(n);

/** Pieces names are made of: whole "aa" and "Aa" too, so the contraction is met often. */
const pieces = [...'abcdeghijklmnorstuvyzæøåÆØÅABHOSZéèüöäÉÜ0123456789 -.,/()&', 'aa', 'Aa', 'AA', 'aA', 'þ', 'ß', 'ð', 'č', 'š', 'ŋ', 'ŧ', 'đ', 'ž', 'á', 'ï', 'π', '中'];
const nameArb = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));

describe('norwegianSortKey', () => {
  it('puts æ, ø and å after z, in that order, and ignores case', () => {
    const names = ['Ås', 'Ørsta', 'Æra', 'Zeta', 'aurskog', 'Bodø', 'bærum', 'Aasen', 'Alta'];
    const byKey = [...names].sort((a, b) => binary(norwegianSortKey(a), norwegianSortKey(b)));
    expect(byKey).toEqual(['Alta', 'aurskog', 'Bodø', 'bærum', 'Zeta', 'Æra', 'Ørsta', 'Ås', 'Aasen']);
    expect(norwegianSortKey('BODØ')).toBe(norwegianSortKey('bodø'));
  });

  it('orders numbers by value', () => {
    expect(binary(norwegianSortKey('Sone 9'), norwegianSortKey('Sone 10'))).toBe(-1);
    expect(norwegianSortKey('007')).toBe(norwegianSortKey('7'));
  });

  it('agrees with norwegianCompare on any two names', () => {
    fc.assert(
      fc.property(nameArb, nameArb, (a, b) => {
        expect(sign(binary(norwegianSortKey(a), norwegianSortKey(b)))).toBe(sign(norwegianCompare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  it('is what ORDER BY nb_key(...) sorts by in SQLite', () => {
    const db = new Database(':memory:');
    registerNorwegianFunctions(db);
    db.exec('CREATE TABLE t (name TEXT)');
    const names = fc.sample(nameArb, { numRuns: 300, seed: 20 });
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (const n of names) insert.run(n);
    const sorted = db.prepare<[], string>('SELECT name FROM t ORDER BY nb_key(name)').pluck().all();
    for (let i = 1; i < sorted.length; i++) expect(norwegianCompare(sorted[i - 1], sorted[i])).toBeLessThanOrEqual(0);
    expect(db.prepare('SELECT nb_lower(?)').pluck().get('ÆØÅ Bodø')).toBe('æøå bodø');
    db.close();
  });
});
