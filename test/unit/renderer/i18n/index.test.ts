// The UI's two languages stay in step: English has exactly the keys bokmål
// has, every text uses the same {{placeholders}} in both, plural forms come
// in pairs, and switching language also sets <html lang> for screen readers.
// @vitest-environment happy-dom
import { afterAll, describe, expect, it } from 'vitest';
import i18n, { applyLocale, defaultLocale } from '../../../../src-renderer/src/i18n';
import en from '../../../../src-renderer/src/i18n/en.json';
import nb from '../../../../src-renderer/src/i18n/nb.json';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const nbKeys = leaves(nb as Tree);
const enKeys = leaves(en as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)(?:\s*,[^}]*)?\s*\}\}/g)].map((m) => m[1]).sort();

describe('nb.json and en.json', () => {
  it('have the same keys', () => {
    expect([...enKeys.keys()].filter((k) => !nbKeys.has(k))).toEqual([]);
    expect([...nbKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('use the same placeholders in every text', () => {
    const differ = [...nbKeys].filter(([key, text]) => enKeys.has(key) && placeholders(text).join() !== placeholders(enKeys.get(key)!).join());
    expect(differ.map(([key]) => key)).toEqual([]);
  });

  it('have no empty texts', () => {
    expect([...nbKeys, ...enKeys].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('give every plural an _one and an _other form', () => {
    const lonely = [...nbKeys.keys()]
      .filter((k) => /_(one|other)$/.test(k))
      .filter((k) => !nbKeys.has(k.replace(/_(one|other)$/, k.endsWith('_one') ? '_other' : '_one')));
    expect(lonely).toEqual([]);
  });
});

describe('applyLocale', () => {
  afterAll(() => applyLocale(defaultLocale));

  it('starts in bokmål, switches to English and back, and keeps <html lang> in step', async () => {
    expect(i18n.language).toBe('nb');
    expect(i18n.t('about.version')).toBe(nb.about.version);
    await applyLocale('en');
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t('about.version')).toBe(en.about.version);
    await applyLocale('nb');
    expect(document.documentElement.lang).toBe('nb');
  });

  it('chooses the plural form by count in both languages', async () => {
    const key = [...nbKeys.keys()].find((k) => k.endsWith('_one'))!.replace(/_one$/, '');
    const one = i18n.t(key as 'about.version', { count: 1, formatted: '1', name: 'x', date: 'x' });
    const many = i18n.t(key as 'about.version', { count: 5, formatted: '5', name: 'x', date: 'x' });
    expect(one).toBe(i18n.t(`${key}_one` as 'about.version', { count: 1, formatted: '1', name: 'x', date: 'x' }));
    expect(many).toBe(i18n.t(`${key}_other` as 'about.version', { count: 5, formatted: '5', name: 'x', date: 'x' }));
  });
});
