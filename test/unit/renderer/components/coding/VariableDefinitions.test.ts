// The variable editor's option lines: values from Norwegian labels
// ("Via fysisk oppmøte" → via_fysisk_oppmote) and "value = Label" lines.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { optionValue, parseOptions } from '../../../../../src-renderer/src/components/coding/VariableDefinitions';

describe('optionValue and parseOptions', () => {
  it('turns a Norwegian label into a value of a–z, 0–9 and _', () => {
    expect(optionValue('Ja')).toBe('ja');
    expect(optionValue('Ikke besvart')).toBe('ikke_besvart');
    expect(optionValue('Via fysisk oppmøte')).toBe('via_fysisk_oppmote');
    expect(optionValue('Ærlig talt – kanskje?')).toBe('aerlig_talt_kanskje');
    expect(optionValue('Åpen for én løsning')).toBe('apen_for_en_losning');
    expect(optionValue('x'.repeat(80))).toHaveLength(60);
  });

  it('reads one option per line, "value = Label" or a label alone, skipping blank lines', () => {
    expect(parseOptions('ja = Ja\n\n  Nei, ikke nå  \nvet_ikke=Vet ikke\n')).toEqual([
      { value: 'ja', label: 'Ja' },
      { value: 'nei_ikke_na', label: 'Nei, ikke nå' },
      { value: 'vet_ikke', label: 'Vet ikke' },
    ]);
  });
});
