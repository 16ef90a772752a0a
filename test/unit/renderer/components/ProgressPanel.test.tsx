// The progress panel as a screen reader and the e2e tests see it: a bar named
// by its label, indeterminate until the total is known, never past full, the
// count only once there is a total, and a message line that keeps its height.
// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../../../src-renderer/src/i18n';
import { ExportProgress } from '../../../../src-renderer/src/components/export/ExportProgress';
import { ProgressPanel } from '../../../../src-renderer/src/components/ProgressPanel';

describe('ProgressPanel', () => {
  it('is indeterminate before the total is known, and hides the count', () => {
    render(<ProgressPanel label="Importerer" count="0 av 0" done={0} total={0} message="" testId="p" />);
    const bar = screen.getByRole('progressbar', { name: 'Importerer' });
    expect(bar.hasAttribute('value')).toBe(false);
    expect(bar.hasAttribute('max')).toBe(false);
    expect(screen.queryByText(/0 av 0/)).toBeNull();
    expect(screen.getByTestId('p-message').textContent).toBe('\u00a0');
  });

  it('shows how far it has come, never past the total', () => {
    const { rerender } = render(<ProgressPanel label="Importerer" count="3 av 12" done={3} total={12} message="svar-bodø.docx" testId="p" />);
    const bar = screen.getByTestId('p-bar') as HTMLProgressElement;
    expect(bar.getAttribute('max')).toBe('12');
    expect(bar.getAttribute('value')).toBe('3');
    expect(screen.getByRole('progressbar', { name: /Importerer\s+3 av 12/ })).toBe(bar);
    expect(screen.getByTestId('p-message').textContent).toBe('svar-bodø.docx');
    rerender(<ProgressPanel label="Importerer" count="13 av 12" done={13} total={12} message="" testId="p" />);
    expect(bar.getAttribute('value')).toBe('12');
  });
});

describe('ExportProgress', () => {
  it('shows a whole percentage, capped at 100', () => {
    const { rerender } = render(<ExportProgress done={1} total={3} message="Tabeller" />);
    expect(screen.getByTestId('export-progress').textContent).toMatch(/33\s*%/);
    rerender(<ExportProgress done={5} total={3} message="" />);
    expect(screen.getByTestId('export-progress').textContent).toMatch(/100\s*%/);
    expect(screen.getByTestId('export-progress-bar').getAttribute('value')).toBe('3');
  });
});
