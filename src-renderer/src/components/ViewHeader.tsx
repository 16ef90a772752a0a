// The header every screen of a case opens with: its heading (which names the
// screen's section through `id`), a line saying what the screen is for, and
// the screen's main actions on the right. One component, so the screens look
// and read alike and a heading level is chosen in one place.
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

interface Props {
  /** The heading's id: the screen's section is labelled by it (aria-labelledby). */
  id: string;
  title: ReactNode;
  /** What the screen is for, under the heading. */
  description?: ReactNode;
  /** Extra class for the description (a screen's own width rule). */
  descriptionClassName?: string;
  /** Heading level: 2 for a screen inside the case (the case's name is the 1). */
  level?: 1 | 2 | 3 | 4;
  /** Buttons on the right: a single button, or a `button-row`. */
  actions?: ReactNode;
}

export function ViewHeader({ id, title, description, descriptionClassName, level = 2, actions }: Props) {
  return (
    <div className="view-header" data-testid="view-header">
      <div>
        <Heading level={level} data-size="sm" id={id}>
          {title}
        </Heading>
        {description !== undefined && description !== null && (
          <Paragraph data-size="sm" className={descriptionClassName ? `muted ${descriptionClassName}` : 'muted'}>
            {description}
          </Paragraph>
        )}
      </div>
      {actions}
    </div>
  );
}
