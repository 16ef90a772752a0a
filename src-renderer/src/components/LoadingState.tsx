// A spinner with a visible text, used while a screen waits for the core.
import { Paragraph, Spinner } from '@digdir/designsystemet-react';

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="loading-state" role="status" data-testid="loading">
      <Spinner aria-hidden data-size="md" />
      <Paragraph>{label}</Paragraph>
    </div>
  );
}
