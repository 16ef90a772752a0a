// The team screens' small helpers: the file name sent for a package (the
// core requires the extension), counts per kind of change in words, and
// Norwegian name lists.
// @vitest-environment happy-dom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import nb from '../../../../../src-renderer/src/i18n/nb.json';
import { columnLabel, entityCounts, entityLabel, joinNames } from '../../../../../src-renderer/src/components/team/teamText';
import { typedTarget } from '../../../../../src-renderer/src/lib/format';

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({ lng: 'nb', resources: { nb: { translation: nb } }, interpolation: { escapeValue: false } });
});

describe('typedTarget (the file name sent for a package)', () => {
  it('adds the extension when it is missing and keeps it when present (any case)', () => {
    expect(typedTarget('retur-kari', '.innspillretur')).toBe('retur-kari.innspillretur');
    expect(typedTarget('  Kari.INNSPILLRETUR ', '.innspillretur')).toBe('Kari.INNSPILLRETUR');
    expect(typedTarget('/tmp/pakke', '.innspillpakke')).toBe('/tmp/pakke.innspillpakke');
  });

  it('sends no target for an empty field, so the core picks its default name', () => {
    expect(typedTarget('', '.innspillpakke')).toBeUndefined();
    expect(typedTarget('   ', '.innspillpakke')).toBeUndefined();
  });
});

describe('change counts in words', () => {
  it('names each kind in Norwegian, largest first, leaving out zeros', () => {
    expect(entityCounts(t.t, { variable_value: 3, coding: 1200, memo: 0, finding_link: 3 })).toEqual([
      { key: 'coding', label: 'Kodinger', value: '1\u00a0200' },
      { key: 'finding_link', label: 'Koblinger til funn', value: '3' },
      { key: 'variable_value', label: 'Variabelverdier', value: '3' },
    ]);
  });

  it('falls back to the raw name for a kind it does not know', () => {
    expect(entityLabel(t.t, 'something_new')).toBe('something_new');
    expect(columnLabel(t.t, 'value')).toBe('verdi');
    expect(columnLabel(t.t, 'odd_column')).toBe('odd_column');
  });
});

describe('joinNames', () => {
  it('joins with commas and «og» before the last', () => {
    expect(joinNames(t.t, [])).toBe('');
    expect(joinNames(t.t, ['Kari'])).toBe('Kari');
    expect(joinNames(t.t, ['Kari', 'Ola'])).toBe('Kari og Ola');
    expect(joinNames(t.t, ['Kari', 'Ola', 'Åse'])).toBe('Kari, Ola og Åse');
  });
});
