// Audit actions named for people, with a generic label for unknown ones.
// @vitest-environment happy-dom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import nb from '../../../../../src-renderer/src/i18n/nb.json';
import { actionLabel } from '../../../../../src-renderer/src/components/coding/actions';

describe('actionLabel', () => {
  const t = i18next.createInstance();
  beforeAll(async () => {
    await t.init({ lng: 'nb', resources: { nb: { translation: nb } }, interpolation: { escapeValue: false } });
  });

  it('names an audit action in bokmål, and a generic label for one it does not know', () => {
    expect(actionLabel(t.t, 'coding.create')).toBe('kode lagt til');
    expect(actionLabel(t.t, 'code.merge')).toBe('koder slått sammen');
    expect(actionLabel(t.t, 'team.merge')).toBe('returpakke flettet inn');
    expect(actionLabel(t.t, 'noe.nytt')).toBe('siste endring');
  });
});
