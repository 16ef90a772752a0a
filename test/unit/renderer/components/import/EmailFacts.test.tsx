// @vitest-environment happy-dom
// An e-mail's facts in the import preview: sender, the day and time it was
// sent in Norwegian time, the subject, the letter attachment and why it was
// chosen, and the other attachments with what happens to them.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../../../../src-renderer/src/i18n';
import { EmailFacts } from '../../../../../src-renderer/src/components/import/EmailFacts';
import type { EmailReport } from '../../../../../src-shared/imports';

const BODO: EmailReport = {
  format: 'eml',
  fromName: 'Postmottak Bodø kommune',
  fromAddress: 'postmottak@bodo.kommune.no',
  date: '2022-06-01T12:32:10.000Z',
  subject: 'Høringssvar - bedre polititjenester (22/535)',
  messageId: '<1@bodo.kommune.no>',
  letter: 'Høringssvar Bodø.pdf',
  letterReason: 'splits',
  attachments: [
    { name: 'Høringssvar Bodø.pdf', mediaType: 'application/pdf', bytes: 3000, role: 'letter' },
    { name: 'rådhuset.png', mediaType: 'image/png', bytes: 70, role: 'kept' },
    { name: 'notat.docx', mediaType: 'application/octet-stream', bytes: 2048, role: 'kept', note: 'kan leses, men er ikke brevet' },
  ],
  innerMessages: 0,
};

describe('EmailFacts', () => {
  it('shows sender, date sent (dd.mm.åååå, Oslo time), subject, the letter and why, and the kept attachments', () => {
    render(<EmailFacts email={BODO} />);
    expect(screen.getByTestId('email-from').textContent).toBe('Postmottak Bodø kommune <postmottak@bodo.kommune.no>');
    expect(screen.getByTestId('email-sent').textContent).toBe('01.06.2022 14:32');
    expect(screen.getByTestId('email-subject').textContent).toBe('Høringssvar - bedre polititjenester (22/535)');
    expect(screen.getByTestId('email-letter').textContent).toBe('Høringssvar Bodø.pdf (deles i sakens spørsmål)');
    expect(screen.getAllByTestId('email-attachment').map((a) => a.textContent)).toEqual([
      'rådhuset.png (70 B; lagres ved svaret, importeres ikke som tekst)',
      'notat.docx (2 kB; kan leses, men er ikke brevet)',
    ]);
    expect(screen.queryByTestId('email-inner')).toBeNull();
  });

  it('a body letter from a forwarded message without a sender or date says so', () => {
    render(<EmailFacts email={{ ...BODO, fromName: null, fromAddress: null, date: null, letter: null, letterReason: 'body', attachments: [], innerMessages: 1 }} />);
    expect(screen.getByTestId('email-from').textContent).toBe('–');
    expect(screen.getByTestId('email-sent').textContent).toBe('–');
    expect(screen.getByTestId('email-letter').textContent).toBe('e-postens tekst (ingen vedlegg kan leses som brev)');
    expect(screen.queryByTestId('email-attachments')).toBeNull();
    expect(screen.getByTestId('email-inner').textContent).toBe('1 videresendt melding åpnet');
  });
});
