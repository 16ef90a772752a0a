// The note above a part of a letter that is a letterhead or a signature
// (src-shared/letter-blocks.ts): what it is, and that it is kept and shown but
// not counted as text waiting to be distributed to a question.
import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { LetterBlockKind } from '../../../src-shared/letter-blocks';

export function LetterBlockNote({ kind }: { kind: LetterBlockKind }) {
  const { t } = useTranslation();
  return (
    <p className="letter-block-note" data-testid="letter-block" data-kind={kind}>
      <Tag data-color="neutral" data-size="sm">
        {t(`common.letterBlock.${kind}`)}
      </Tag>{' '}
      <span className="muted">{t('common.letterBlock.notCounted')}</span>
      <span className="ds-sr-only">. {t('common.letterBlock.help')}</span>
    </p>
  );
}
