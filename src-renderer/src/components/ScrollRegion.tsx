// A box that scrolls (a wide or long table): a named region that takes
// keyboard focus, so someone without a mouse can scroll it with the arrow keys
// (WCAG 2.1.1; axe's scrollable-region-focusable).
import { forwardRef, type HTMLAttributes } from 'react';

type Props = HTMLAttributes<HTMLDivElement> & ({ label: string; labelledBy?: never } | { labelledBy: string; label?: never });

export const ScrollRegion = forwardRef<HTMLDivElement, Props>(function ScrollRegion({ label, labelledBy, ...rest }, ref) {
  return <div ref={ref} role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0} {...rest} />;
});
