// A shared-text group shown compactly: each distinct text once, with the
// respondents who sent exactly that text under it (an identical joint
// statement from 20 municipalities is one quote and 20 names, not 20 quotes).
import type { SharedTextMember } from '../../../../src-shared/analysis';

export interface DistinctText {
  excerpt: string;
  members: SharedTextMember[];
}

/** The members' texts, each distinct text once, in the order they first appear. */
export function distinctTexts(members: readonly SharedTextMember[]): DistinctText[] {
  const byText = new Map<string, DistinctText>();
  for (const m of members) {
    const found = byText.get(m.excerpt);
    if (found) found.members.push(m);
    else byText.set(m.excerpt, { excerpt: m.excerpt, members: [m] });
  }
  return [...byText.values()];
}
