// @vitest-environment happy-dom
// The toast goes where the user is not working: at the bottom unless the
// selection or the focused element is in the lower half of the window.
import { describe, expect, it } from 'vitest';
import { toastPlacement } from '../../../../src-renderer/src/components/Toast';

describe('toastPlacement', () => {
  it('is at the bottom when nothing is selected or focused', () => {
    expect(toastPlacement(null, 768)).toBe('bottom');
  });

  it('is at the bottom while the work is in the upper half, at the top when it is in the lower half', () => {
    expect(toastPlacement({ top: 100, bottom: 140 }, 768)).toBe('bottom');
    expect(toastPlacement({ top: 600, bottom: 640 }, 768)).toBe('top');
    // A long selection is placed by its middle.
    expect(toastPlacement({ top: 200, bottom: 700 }, 768)).toBe('top');
    expect(toastPlacement({ top: 100, bottom: 600 }, 768)).toBe('bottom');
  });
});
