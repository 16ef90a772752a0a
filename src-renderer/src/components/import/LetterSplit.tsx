// How a letter will be split before it is imported: why (headings found, the
// question text matched, numbered paragraphs, or no structure) and each part
// as question → the first words of its answer, so a letter that needs
// splitting can be seen (and fixed) before it goes in.
import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { LetterSplitPreview } from '../../../../src-shared/imports';

export function LetterSplit({ split }: { split: LetterSplitPreview }) {
  const { t } = useTranslation();
  return (
    <section className="stack stack--tight" data-testid="letter-split" data-method={split.method} aria-label={t('import.split.heading')}>
      <Paragraph data-size="sm">
        <strong>{t('import.split.heading')}</strong>{' '}
        <Tag data-size="sm" data-color={split.method === 'none' ? 'warning' : 'info'} data-testid="letter-split-method">
          {t(`import.split.method.${split.method}`)}
        </Tag>
      </Paragraph>
      <dl className="file-facts">
        {split.parts.map((p, i) => (
          <div key={i} data-testid="letter-split-part" data-question={p.question ?? ''}>
            <dt>{p.question === null ? t('import.split.unassigned') : t('import.split.question', { n: p.question })}</dt>
            <dd>{p.excerpt}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
