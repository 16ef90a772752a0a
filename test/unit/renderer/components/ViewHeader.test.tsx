// @vitest-environment happy-dom
// The one header of the case's screens: the heading at the level asked for
// with the id the section is labelled by, the description, and the actions.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ViewHeader } from '../../../../src-renderer/src/components/ViewHeader';

afterEach(cleanup);

describe('ViewHeader', () => {
  it('labels its section with a level-2 heading, says what the screen is for and shows the actions', () => {
    render(
      <section aria-labelledby="h">
        <ViewHeader id="h" title="Sikkerhetskopier" description="Kopier av saken." actions={<button type="button">Ta kopi nå</button>} />
      </section>,
    );
    const heading = screen.getByRole('heading', { level: 2, name: 'Sikkerhetskopier' });
    expect(heading.id).toBe('h');
    expect(screen.getByRole('region', { name: 'Sikkerhetskopier' })).toBeTruthy();
    expect(screen.getByText('Kopier av saken.').className).toContain('muted');
    const header = screen.getByTestId('view-header');
    expect(header.className).toBe('view-header');
    // The actions sit in the header, after the heading and description.
    expect(header.lastElementChild?.textContent).toBe('Ta kopi nå');
  });

  it('takes another heading level, a description class, and leaves out what is not given', () => {
    render(<ViewHeader id="x" title="Funn" level={3} description="Om funn." descriptionClassName="findings-intro" />);
    expect(screen.getByRole('heading', { level: 3, name: 'Funn' })).toBeTruthy();
    expect(screen.getByText('Om funn.').classList).toContain('findings-intro');
    expect(screen.getByTestId('view-header').children).toHaveLength(1);
    cleanup();
    render(<ViewHeader id="y" title="Ikke svart" />);
    expect(screen.getByTestId('view-header').querySelector('p')).toBeNull();
  });
});
