// Set-up for every unit test file: renderer tests must run in happy-dom, and
// Testing Library unmounts what a test rendered once it ends.
import { afterEach, expect } from 'vitest';

const testPath = expect.getState().testPath ?? '';

if (/[\\/]test[\\/]unit[\\/]renderer[\\/]/.test(testPath)) {
  if (typeof document === 'undefined') {
    throw new Error(`${testPath}: a renderer test runs in happy-dom; open the file with "// @vitest-environment happy-dom"`);
  }
  // happy-dom lacks document.getAnimations, which the design system's Spinner
  // calls to keep its spinners in phase; no animations run in tests.
  document.getAnimations ??= () => [];
  // Imported only here, so core tests do not pay for React's and the DOM library's import.
  const { cleanup } = await import('@testing-library/react');
  afterEach(cleanup);
}
