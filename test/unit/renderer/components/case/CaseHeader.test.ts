// The demo project is recognised by its title, so the header can say so.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ProjectSummary } from '../../../../../src-shared/domain';
import { isDemoProject } from '../../../../../src-renderer/src/components/case/CaseHeader';

describe('isDemoProject', () => {
  it('is true only for a title that starts with "Eksempelprosjekt"', () => {
    const p = (title: string) => ({ title }) as ProjectSummary;
    expect(isDemoProject(p('Eksempelprosjekt – syntetiske data'))).toBe(true);
    expect(isDemoProject(p('Høring 2022 (ikke Eksempelprosjekt)'))).toBe(false);
    expect(isDemoProject(p('eksempelprosjekt'))).toBe(false);
  });
});
