// The progress line `innspill import` redraws on a terminal: bar, share,
// files, estimate, the current file with its rows; never wider than the terminal.
import { describe, expect, it } from 'vitest';
import { formatEta, progressBar, progressLine } from '../../../src-main/cli/progress-line';
import type { ImportProgress } from '../../../src-shared/imports';

const p: ImportProgress = {
  files: { done: 3, total: 10 },
  current: 'innboks/hamar.csv',
  step: { unit: 'rows', done: 1200, total: 5000 },
  fraction: 0.42,
  etaSeconds: 95,
};

describe('progress line', () => {
  it('says it all on one line', () => {
    expect(progressLine(p, 200)).toBe('[########------------] 42 % · 3/10 files · about 2 min left · innboks/hamar.csv (1200/5000 rows)');
  });
  it('leaves out what is not known yet', () => {
    expect(progressLine({ ...p, current: null, step: null, etaSeconds: null, fraction: 0 }, 200)).toBe('[--------------------] 0 % · 3/10 files');
  });
  it('is cut to the terminal width so it can be redrawn in place', () => {
    const line = progressLine({ ...p, current: 'x'.repeat(300) }, 60);
    expect(line.length).toBeLessThanOrEqual(59);
    expect(line.endsWith('…')).toBe(true);
  });
  it('fills the bar by the share, within its bounds', () => {
    expect(progressBar(0, 4)).toBe('[----]');
    expect(progressBar(1, 4)).toBe('[####]');
    expect(progressBar(7, 4)).toBe('[####]');
    expect(progressBar(-1, 4)).toBe('[----]');
  });
  it('words the estimate', () => {
    expect(formatEta(null)).toBe('');
    expect(formatEta(3)).toBe('about 5 s left');
    expect(formatEta(41)).toBe('about 45 s left');
    expect(formatEta(60)).toBe('about 1 min left');
    expect(formatEta(3700)).toBe('about 1 h 2 min left');
  });
});
