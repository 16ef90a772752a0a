// The panels of a Designsystemet <Tabs>: one role=tabpanel element per tab, so
// every tab's aria-controls points at a panel that exists; only the active one
// holds content (the others are empty and hidden). Put it inside the <Tabs>.
import { Tabs } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

interface Props<T extends string> {
  tabs: readonly T[];
  active: T;
  /** Class of every panel (layout of the active panel's content). */
  className?: string;
  children: ReactNode;
}

export function TabPanels<T extends string>({ tabs, active, className, children }: Props<T>) {
  return (
    <>
      {tabs.map((id) => (
        <Tabs.Panel key={id} value={id} className={className ? `tab-panel ${className}` : 'tab-panel'} hidden={id !== active}>
          {id === active ? children : null}
        </Tabs.Panel>
      ))}
    </>
  );
}
