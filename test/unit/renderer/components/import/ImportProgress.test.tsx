// The import's progress panel with its cancel button: shown only when the
// wizard passes onCancel, calls it once pressed, and is disabled while the
// cancel is on its way.
// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../../../../src-renderer/src/i18n';
import { ImportProgress } from '../../../../../src-renderer/src/components/import/ImportProgress';

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
    expect(screen.getByTestId('import-cancel').textContent).toBe('Avbryter …');
  });
});
