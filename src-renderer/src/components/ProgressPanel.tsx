// A running task as the core reports its progress: what is happening and how
// far it has come, a bar (indeterminate until the total is known), and what
// it is doing just now. The import and the export show their progress in it.
import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useId } from 'react';

interface Props {
  /** What is happening ("Importerer …", "Lager eksporten …"). */
  label: string;
  /** How far it has come in words ("3 av 12", "40 %"); shown after the label once the total is known. */
  count?: string;
  done: number;
  total: number;
  /** What it is doing just now (one line; empty keeps the line's height). */
  message: string;
  /** data-testid of the panel; its bar and message line get "-bar" and "-message" after it. */
  testId: string;
}

export function ProgressPanel({ label, count, done, total, message, testId }: Props) {
  const id = useId();
  const known = total > 0;
  return (
    <div className="import-progress" data-testid={testId}>
      <div className="import-progress__label">
        <Spinner aria-hidden data-size="sm" />
        <Paragraph id={id}>
          <strong>{label}</strong>
          {known && count && <> {count}</>}
        </Paragraph>
      </div>
      <progress
        className="progress"
        aria-labelledby={id}
        max={known ? total : undefined}
        value={known ? Math.min(done, total) : undefined}
        data-testid={`${testId}-bar`}
      />
      <Paragraph data-size="sm" className="muted import-progress__file" aria-live="polite" data-testid={`${testId}-message`}>
        {message || '\u00a0'}
      </Paragraph>
    </div>
  );
}
