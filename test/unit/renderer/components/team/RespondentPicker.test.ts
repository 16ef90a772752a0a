// A respondent in the assignment picker: a municipality with its number,
// anyone else by name.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { respondentLabel } from '../../../../../src-renderer/src/components/team/RespondentPicker';

describe('respondentLabel', () => {
  it('names a municipality with its number, keeping the leading zero', () => {
    expect(respondentLabel({ name: 'Oslo kommune v/ byrådet', municipalityName: 'Oslo', municipalityNumber: '0301' })).toBe('Oslo (0301)');
  });
  it('names an organisation by its own name', () => {
    expect(respondentLabel({ name: 'Redd Barna', municipalityName: null, municipalityNumber: null })).toBe('Redd Barna');
  });
});
