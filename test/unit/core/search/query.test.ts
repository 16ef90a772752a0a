// The search query language: what users type becomes a safe FTS5 expression
// built from quoted words, or a clear INVALID_INPUT — never an SQL or FTS5
// syntax error, whatever the input (checked against a real FTS5 table).
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileQuery, parseQuery, queryLimits } from '../../../../src-main/core/search/query';
import { indexStems, indexWords, registerSearchFunctions } from '../../../../src-main/core/store/words';
import { ApiError } from '../../../../src-shared/errors';

function invalid(query: string): string {
  try {
    compileQuery(query);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('INVALID_INPUT');
    return (e as ApiError).message;
  }
  throw new Error(`expected ${JSON.stringify(query)} to be refused`);
}

describe('compiling queries', () => {
  it('searches words by stem, so inflections match', () => {
    expect(compileQuery('tjenestestedene').match).toBe('stems : "tjenestested"');
    expect(compileQuery('Politiet').match).toBe('stems : "politi"');
  });

  it('searches phrases by the stems of their words, in order', () => {
    expect(compileQuery('"fysisk tilstedeværelsen"').match).toBe('stems : "fysisk tilstedevær"');
    // A word that is really two (Nord-Norge) is a phrase too.
    expect(compileQuery('Nord-Norge').match).toBe('stems : "nord norg"');
  });

  it('searches prefixes and exact forms on the unstemmed words', () => {
    expect(compileQuery('politi*').match).toBe('words : "politi" *');
    expect(compileQuery('"fysisk tilstede"*').match).toBe('words : "fysisk tilstede" *');
    expect(compileQuery('=kommunen').match).toBe('words : "kommunen"');
    expect(compileQuery('="nytt tjenestested"').match).toBe('words : "nytt tjenestested"');
  });

  it('knows AND, OR, NOT and the Norwegian OG, ELLER, IKKE; words side by side mean AND', () => {
    expect(compileQuery('flom skred').match).toBe('(stems : "flom") AND (stems : "skred")');
    expect(compileQuery('flom AND skred').match).toBe(compileQuery('flom OG skred').match);
    expect(compileQuery('flom OR skred').match).toBe('(stems : "flom") OR (stems : "skred")');
    expect(compileQuery('flom ELLER skred').match).toBe(compileQuery('flom OR skred').match);
    expect(compileQuery('politi NOT lensmann').match).toBe('((stems : "politi")) NOT ((stems : "lensmann"))');
    expect(compileQuery('politi IKKE lensmann').match).toBe(compileQuery('politi NOT lensmann').match);
    expect(compileQuery('politi -lensmann').match).toBe(compileQuery('politi NOT lensmann').match);
  });

  it('treats lower-case og, eller, ikke as ordinary words', () => {
    expect(compileQuery('politi og kommune').match).toBe('(stems : "politi") AND (stems : "og") AND (stems : "kommun")');
    expect(compileQuery('ikke').match).toBe('stems : "ikk"');
  });

  it('gives AND precedence over OR and honours parentheses', () => {
    expect(compileQuery('a b OR c').match).toBe('((stems : "a") AND (stems : "b")) OR (stems : "c")');
    expect(compileQuery('a (b OR c)').match).toBe('(stems : "a") AND ((stems : "b") OR (stems : "c"))');
    expect(compileQuery('(flom ELLER skred) OG beredskap IKKE øvelse').match).toBe(
      '(((stems : "flom") OR (stems : "skred")) AND (stems : "beredskap")) NOT ((stems : "øvels"))',
    );
  });

  it('collects the words to highlight, leaving out those under NOT', () => {
    const { positive } = compileQuery('politi* "fysisk tilstedeværelse" -lensmann NOT (rus OR vold)');
    expect(positive.map((l) => l.source)).toEqual(['politi*', '"fysisk tilstedeværelse"']);
    // NOT NOT is the thing itself.
    expect(compileQuery('politi NOT NOT kommune').positive.map((l) => l.source)).toEqual(['politi', 'kommune']);
  });
});

describe('hostile and broken queries', () => {
  it.each([
    ['"', /at least one word/],
    ['*', /at least one word/],
    ['-', /at least one word/],
    ['', /at least one word/],
    ['   ', /at least one word/],
    ['NEAR(', /not closed/],
    [')', /no matching "\("/],
    ['politi)', /no matching "\("/],
    ['(politi', /not closed/],
    ['()', /Empty parentheses/],
    ['politi AND', /"AND" must stand between two search words/],
    ['OR politi', /"OR" must stand between two search words/],
    ['politi OR', /"OR" must stand between two search words/],
    ['politi ELLER ELLER kommune', /"ELLER" must stand between/],
    ['NOT politi', /NOT\/IKKE\/- only leaves words out/],
    ['IKKE politi', /only leaves words out/],
    ['-politi', /only leaves words out/],
    ['politi OR NOT kommune', /only leaves words out/],
    ['politi NOT', /must be followed by a word/],
  ])('refuses %j with a clear message', (query, message) => {
    expect(invalid(query)).toMatch(message);
  });

  it('treats column filters, FTS5 operators and quotes inside words as text', () => {
    expect(compileQuery('stems:x').match).toBe('stems : "stem x"');
    expect(compileQuery('words:politi').match).toBe('stems : "word politi"');
    expect(compileQuery('NEAR(a b)').match).toBe('(stems : "near") AND ((stems : "a") AND (stems : "b"))');
    expect(compileQuery("politi's ^kommune +x").match).toBe('(stems : "politi s") AND (stems : "kommun") AND (stems : "x")');
    // An unclosed quote runs to the end.
    expect(compileQuery('"fysisk tilstedeværelse').match).toBe('stems : "fysisk tilstedevær"');
  });

  it('limits the number of words and the depth of parentheses', () => {
    expect(invalid(Array.from({ length: queryLimits.maxLeaves + 1 }, (_, i) => `ord${i}`).join(' '))).toMatch(/too many words/);
    expect(invalid('('.repeat(queryLimits.maxDepth + 1) + 'a' + ')'.repeat(queryLimits.maxDepth + 1))).toMatch(/too deeply/);
    expect(() => compileQuery('('.repeat(queryLimits.maxDepth) + 'a' + ')'.repeat(queryLimits.maxDepth))).not.toThrow();
  });

  describe('against a real FTS5 table', () => {
    let db: Database.Database;
    beforeAll(() => {
      db = new Database(':memory:');
      registerSearchFunctions(db);
      db.exec("CREATE VIRTUAL TABLE t USING fts5(words, stems, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')");
      const insert = db.prepare('INSERT INTO t (rowid, words, stems) VALUES (?, ?, ?)');
      ['Politiet og kommunen', 'Fysisk tilstedeværelse er viktig', 'Nord-Norge: flom og skred', 'stems x near "quoted"'].forEach((text, i) =>
        insert.run(i + 1, indexWords(text), indexStems(text)),
      );
    });
    afterAll(() => db.close());

    it('never makes FTS5 fail: any input is either refused as INVALID_INPUT or runs', () => {
      const alphabet = ['"', "'", '*', '-', '(', ')', ':', '^', '+', '=', ' ', ' ', 'a', 'b', 'å', 'ø', 'AND', 'OR', 'NOT', 'OG', 'IKKE', 'NEAR', 'stems', 'words', '{', '}', ',', '.', '\\', '\u0301', '😀', '\n'];
      const query = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((parts) => parts.join(''));
      fc.assert(
        fc.property(fc.oneof(query, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), (q) => {
          let match: string;
          try {
            match = compileQuery(q).match;
          } catch (e) {
            return e instanceof ApiError && e.code === 'INVALID_INPUT';
          }
          db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(match);
          return true;
        }),
        { numRuns: 2000 },
      );
    });

    it('finds what the compiled queries say', () => {
      const run = (q: string) => (db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(compileQuery(q).match) as number[]);
      expect(run('politi')).toEqual([1]);
      expect(run('kommune')).toEqual([1]);
      expect(run('"fysisk tilstedeværelsen"')).toEqual([2]);
      expect(run('tilstede*')).toEqual([2]);
      expect(run('flom OG skred')).toEqual([3]);
      expect(run('og NOT politi')).toEqual([3]);
      expect(run('stems:x')).toEqual([4]);
      expect(run('"quoted"')).toEqual([4]);
      expect(parseQuery('politi').type).toBe('leaf');
    });
  });
});
