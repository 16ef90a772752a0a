// The import's progress panel with its cancel button: shown only when the
// wizard passes onCancel, calls it once pressed, and is disabled while the
// cancel is on its way.
// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import i18n from '../../../../../src-renderer/src/i18n';
import { etaText, ImportProgress, progressMessage } from '../../../../../src-renderer/src/components/import/ImportProgress';

describe('ImportProgress', () => {
  it('has no cancel button without onCancel', () => {
    render(<ImportProgress done={0} total={0} message="" label="Importerer …" />);
    expect(screen.queryByTestId('import-cancel')).toBeNull();
  });

  it('calls onCancel when Avbryt is pressed, and is disabled while cancelling', () => {
    const onCancel = vi.fn();
    const { rerender } = render(<ImportProgress done={0} total={2} message="" label="Importerer …" onCancel={onCancel} />);
    const button = screen.getByTestId('import-cancel') as HTMLButtonElement;
    expect(button.textContent).toBe('Avbryt');
    fireEvent.click(button);
    expect(onCancel).toHaveBeenCalledTimes(1);
    rerender(<ImportProgress done={0} total={2} message="" label="Importerer …" onCancel={onCancel} cancelling />);
    expect((screen.getByTestId('import-cancel') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('import-cancel').textContent).toBe('Stopper etter denne filen …');
  });
});

describe('the line under the bar', () => {
  const t = i18n.getFixedT('nb');
  const detail = { files: { done: 2, total: 5 }, current: 'innboks/hamar.csv', step: { unit: 'rows' as const, done: 1200, total: 5000 }, fraction: 0.4, etaSeconds: 95 };

  it('names the current file, its responses written and the time left', () => {
    expect(progressMessage(t, 'innboks/hamar.csv', detail)).toBe('innboks/hamar.csv · 1\u00a0200 av 5\u00a0000 svar · ca. 2 min igjen');
  });
  it('counts OCR pages as pages, and leaves out the estimate until there is one', () => {
    expect(progressMessage(t, '', { ...detail, step: { unit: 'pages', done: 3, total: 12 }, etaSeconds: null })).toBe('innboks/hamar.csv · side 3 av 12');
  });
  it('words the estimate in seconds, minutes and hours', () => {
    expect(etaText(t, null)).toBe('');
    expect(etaText(t, 2)).toBe('ca. 5 s igjen');
    expect(etaText(t, 61)).toBe('ca. 2 min igjen');
    expect(etaText(t, 3700)).toBe('ca. 1 t 2 min igjen');
  });
  it('shows the bar by the share done when the import sends its figures', () => {
    render(<ImportProgress done={2} total={5} message="" detail={detail} label="Importerer …" />);
    const bar = screen.getByTestId('import-progress-bar') as HTMLProgressElement;
    expect(bar.getAttribute('value')).toBe('400');
    expect(bar.getAttribute('max')).toBe('1000');
  });
});
