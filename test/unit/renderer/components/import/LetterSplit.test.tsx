// The split preview: why the letter splits as it does, and each question with
// the first words of its answer; no structure is shown as a warning.
// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../../../../src-renderer/src/i18n';
import { LetterSplit } from '../../../../../src-renderer/src/components/import/LetterSplit';

describe('LetterSplit', () => {
  it('says why and lists question → first words', () => {
    render(<LetterSplit split={{ method: 'labelled', parts: [{ question: null, excerpt: 'Bodø kommune' }, { question: 1, excerpt: 'Vi ser tre utfordringer …' }] }} />);
    expect(screen.getByTestId('letter-split-method').textContent).toBe('Overskrifter «Spørsmål N» funnet');
    const parts = screen.getAllByTestId('letter-split-part').map((p) => p.textContent);
    expect(parts).toEqual(['Ufordelt tekstBodø kommune', 'Spørsmål 1Vi ser tre utfordringer …']);
  });
  it('shows a letter without structure as one unassigned part, flagged', () => {
    render(<LetterSplit split={{ method: 'none', parts: [{ question: null, excerpt: 'Vi takker for brevet …' }] }} />);
    const method = screen.getByTestId('letter-split-method');
    expect(method.textContent).toMatch(/^Ingen struktur funnet/);
    expect(method.getAttribute('data-color')).toBe('warning');
  });
});
