// The coding list's filter (what counts as set, and how many folded-away
// filters are on) and the workspace's place, remembered per project file.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  emptyCodingFilter,
  isCodingFilterActive,
  moreFilterCount,
  NOT_SET,
  recall,
  remember,
} from '../../../../../src-renderer/src/components/coding/codingFilter';

describe('moreFilterCount and isCodingFilterActive', () => {
  it('counts nothing for the empty filter', () => {
    expect(moreFilterCount(emptyCodingFilter)).toBe(0);
    expect(isCodingFilterActive(emptyCodingFilter)).toBe(false);
  });

  it('counts each folded-away filter once; search and status make the filter active but are not folded away', () => {
    expect(moreFilterCount({ ...emptyCodingFilter, countyNumber: '18', policeDistrictCode: 'NOR', codeId: 'k1', coder: 'Kari', assignee: 'none' })).toBe(5);
    expect(moreFilterCount({ ...emptyCodingFilter, query: 'bål', status: 'ferdig' })).toBe(0);
    expect(isCodingFilterActive({ ...emptyCodingFilter, query: 'bål' })).toBe(true);
    expect(isCodingFilterActive({ ...emptyCodingFilter, status: 'ferdig' })).toBe(true);
  });

  it('counts a variable only with a value chosen (as the list query does), "not set" included', () => {
    expect(moreFilterCount({ ...emptyCodingFilter, variableId: 'v1' })).toBe(0);
    expect(moreFilterCount({ ...emptyCodingFilter, variableId: 'v1', variableValue: 'ja' })).toBe(1);
    expect(moreFilterCount({ ...emptyCodingFilter, variableId: 'v1', variableValue: NOT_SET })).toBe(1);
  });

  it('ignores white space in the search and the coder', () => {
    expect(isCodingFilterActive({ ...emptyCodingFilter, query: '  ', coder: ' ' })).toBe(false);
  });
});

describe('recall and remember', () => {
  it('gives back what was remembered for the same file, and a fresh start for another', () => {
    const a = `/tmp/a-${Math.random()}.innspill`;
    const b = `/tmp/b-${Math.random()}.innspill`;
    expect(recall(a)).toEqual({ projectPath: a, responseId: null, filter: emptyCodingFilter, tab: 'codebook' });
    remember({ responseId: 'r7', tab: 'memos', filter: { ...emptyCodingFilter, query: 'politi' } });
    expect(recall(a)).toMatchObject({ responseId: 'r7', tab: 'memos', filter: { query: 'politi' } });
    expect(recall(b)).toEqual({ projectPath: b, responseId: null, filter: emptyCodingFilter, tab: 'codebook' });
    expect(recall(a).responseId).toBeNull();
  });

  it('hands out a copy, so changing it does not change what is remembered', () => {
    const p = `/tmp/c-${Math.random()}.innspill`;
    const got = recall(p);
    got.responseId = 'changed';
    expect(recall(p).responseId).toBeNull();
  });
});
