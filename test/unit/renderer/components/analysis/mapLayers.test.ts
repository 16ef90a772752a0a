// The map's layers as data: every municipality gets exactly one category,
// non-respondents are *ikke svart* and never dropped, a multiple-choice
// option layer tells "chose this" from "chose only others" from "not coded",
// and the layer ids round-trip.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ResponseSummary } from '../../../../../src-shared/domain';
import {
  answeredLayer,
  codeLayer,
  codeLayerData,
  currentByMunicipality,
  isLayer,
  optionLayerData,
  variableLayer,
  variableLayerData,
  type LayerLabels,
} from '../../../../../src-renderer/src/components/analysis/mapLayers';

const labels: LayerLabels = {
  answered: 'Svart',
  notAnswered: 'Ikke svart (kart)',
  otherChoices: 'Andre valg',
  coded: 'Kodet',
  notCoded: 'Ikke kodet (kode)',
  ikkeKodet: 'Ikke kodet',
  ikkeSvart: 'Ikke svart',
};

/** A response summary with only what the map reads. */
function response(id: string, number: string | null, isCurrent = true): ResponseSummary {
  const partial = { id, isCurrent, municipality: number ? { number } : null };
  return partial as unknown as ResponseSummary; // test fixture: the map reads only these three fields
}

const ALL = ['1804', '1806', '3401', '5001'];
const answered = new Set(['1804', '1806', '3401']);

describe('layer ids', () => {
  it('recognise the four kinds and nothing else', () => {
    for (const id of ['answered', 'variable:v1', 'option:v1=ja', 'code:c1']) expect(isLayer(id)).toBe(true);
    for (const id of ['', 'kart', 'codes:c1']) expect(isLayer(id)).toBe(false);
  });
  it('give back the variable, the option (which may hold "=") and the code', () => {
    expect(variableLayer('variable:v1')).toEqual({ variableId: 'v1', value: null });
    expect(variableLayer('option:v1=a=b')).toEqual({ variableId: 'v1', value: 'a=b' });
    expect(variableLayer('code:c1')).toBeNull();
    expect(codeLayer('code:c1')).toBe('c1');
    expect(codeLayer('answered')).toBeNull();
  });
});

describe('currentByMunicipality', () => {
  it('keeps current responses of municipalities only', () => {
    const map = currentByMunicipality([response('a', '1804'), response('old', '1806', false), response('org', null)]);
    expect([...map]).toEqual([['1804', 'a']]);
  });
});

describe('layers', () => {
  it('answered: yes/no for every municipality', () => {
    const layer = answeredLayer(ALL, answered, labels);
    expect(Object.fromEntries(layer.valueOf)).toEqual({ '1804': 'yes', '1806': 'yes', '3401': 'yes', '5001': 'no' });
    expect(layer.categories.map((c) => c.label)).toEqual(['Svart', 'Ikke svart (kart)']);
  });

  it('a single-choice variable: the option chosen, else ikke kodet, else ikke svart', () => {
    const options = [
      { value: 'ja', label: 'Ja' },
      { value: 'nei', label: 'Nei' },
    ];
    const layer = variableLayerData(ALL, answered, options, [[response('a', '1804')], [response('b', '1806')]], labels);
    expect(Object.fromEntries(layer.valueOf)).toEqual({ '1804': 'ja', '1806': 'nei', '3401': 'ikke_kodet', '5001': 'ikke_svart' });
    expect(layer.categories.map((c) => c.key)).toEqual(['ja', 'nei', 'ikke_kodet', 'ikke_svart']);
    expect(new Set(layer.categories.map((c) => c.colour)).size).toBe(4);
  });

  it('one option of a multiple-choice variable: chosen wins over other choices, whatever the order', () => {
    const options = [
      { value: 'telefon', label: 'Telefon' },
      { value: 'internett', label: 'Internett' },
    ];
    // 1804 chose both, 1806 only the other one.
    const lists = [[response('a', '1804')], [response('a', '1804'), response('b', '1806')]];
    for (const chosen of ['telefon', 'internett']) {
      const layer = optionLayerData(ALL, answered, options, lists, chosen, labels);
      const expected = chosen === 'telefon' ? { '1804': 'chosen', '1806': 'other' } : { '1804': 'chosen', '1806': 'chosen' };
      expect(Object.fromEntries(layer.valueOf)).toEqual({ ...expected, '3401': 'ikke_kodet', '5001': 'ikke_svart' });
      expect(layer.categories[0].label).toBe(chosen === 'telefon' ? 'Telefon' : 'Internett');
    }
  });

  it('a code: kodet, ikke kodet, ikke svart', () => {
    const layer = codeLayerData(ALL, answered, [response('a', '3401')], labels);
    expect(Object.fromEntries(layer.valueOf)).toEqual({ '1804': 'ikke_kodet', '1806': 'ikke_kodet', '3401': 'coded', '5001': 'ikke_svart' });
    expect(layer.categories.map((c) => c.label)).toEqual(['Kodet', 'Ikke kodet (kode)', 'Ikke svart']);
  });
});
