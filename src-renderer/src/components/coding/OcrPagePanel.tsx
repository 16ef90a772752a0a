// The scanned page beside the text OCR read from it: the caseworker checks
// the reading against the scan. The page is drawn by the core from the stored
// source file (responses.ocrPage; nothing is fetched); the words read with low
// confidence are marked on it, and listed as buttons — focusing one marks it
// alone and scrolls it into view. Pages step with Forrige/Neste; Escape closes.
import { Button } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcrPageImage, OcrReviewWord } from '../../../../src-shared/domain';
import { useApiQuery } from '../../api/hooks';

/** A word's place on the page as CSS percentages of the drawn page (the box is shares of the page, whatever its size). */
export function markStyle(box: NonNullable<OcrReviewWord['box']>): CSSProperties {
  const pct = (v: number) => `${Math.round(v * 10_000) / 100}%`;
  const [left, top, right, bottom] = box;
  return { left: pct(left), top: pct(top), width: pct(Math.max(0, right - left)), height: pct(Math.max(0, bottom - top)) };
}

/** The pages before and after `page` among those read with OCR (null at either end). */
export function pageSteps(pages: number[], page: number): { previous: number | null; next: number | null } {
  const at = pages.indexOf(page);
  return { previous: at > 0 ? pages[at - 1] : null, next: at >= 0 && at < pages.length - 1 ? pages[at + 1] : null };
}

interface ViewProps {
  data: OcrPageImage | undefined;
  loading: boolean;
  failed: boolean;
  onPage: (page: number) => void;
  onClose: () => void;
}

/** The panel without its data source (tested on its own). */
export function OcrPageView({ data, loading, failed, onPage, onClose }: ViewProps) {
  const { t } = useTranslation();
  const [active, setActive] = useState<number | null>(null);
  const marks = useRef<(HTMLSpanElement | null)[]>([]);
  useEffect(() => setActive(null), [data?.page]);
  useEffect(() => {
    if (active !== null) marks.current[active]?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [active]);
  const steps = data ? pageSteps(data.pages, data.page) : { previous: null, next: null };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    // Taken here, so the workspace's own Escape (deselect) does not act as well.
    e.preventDefault();
    e.stopPropagation();
    onClose();
  };
  const title = data ? t('coding.ocrPage.title', { page: data.page, count: data.pages.length, index: data.pages.indexOf(data.page) + 1 }) : t('coding.ocrPage.loading');

  return (
    <section className="cw-ocr-page" aria-label={title} data-testid="ocr-page" data-page={data?.page} onKeyDown={onKeyDown}>
      <div className="cw-ocr-page__bar">
        <strong>{title}</strong>
        <Button variant="tertiary" data-size="sm" disabled={steps.previous === null} onClick={() => steps.previous !== null && onPage(steps.previous)} data-testid="ocr-page-previous">
          {t('coding.ocrPage.previous')}
        </Button>
        <Button variant="tertiary" data-size="sm" disabled={steps.next === null} onClick={() => steps.next !== null && onPage(steps.next)} data-testid="ocr-page-next">
          {t('coding.ocrPage.next')}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={onClose} data-testid="ocr-page-close">
          {t('coding.ocrPage.close')}
        </Button>
      </div>
      {failed && (
        <p role="alert" data-testid="ocr-page-error">
          {t('coding.ocrPage.error')}
        </p>
      )}
      {loading && !data && <p aria-live="polite">{t('coding.ocrPage.loading')}</p>}
      {data && data.src === null && <p data-testid="ocr-page-unavailable">{t('coding.ocrPage.tiff')}</p>}
      {data && data.src !== null && (
        <div className="cw-ocr-page__sheet" data-testid="ocr-page-sheet">
          <img src={data.src} width={data.width} height={data.height} alt={t('coding.ocrPage.alt', { page: data.page })} data-testid="ocr-page-image" />
          {data.words.map((w, i) =>
            w.box ? (
              <span
                key={i}
                ref={(el) => {
                  marks.current[i] = el;
                }}
                className={`cw-ocr-page__mark${active === i ? ' cw-ocr-page__mark--active' : ''}`}
                style={markStyle(w.box)}
                title={t('coding.ocrPage.word', { word: w.word, confidence: w.confidence })}
                aria-hidden
                data-testid="ocr-mark"
                data-active={active === i || undefined}
              />
            ) : null,
          )}
        </div>
      )}
      {data && (
        <>
          <p className="muted" id="ocr-page-words-label">
            {data.words.length > 0 ? t('coding.ocrPage.words', { count: data.words.length }) : t('coding.ocrPage.noWords')}
          </p>
          {data.words.length > 0 && (
            <ul className="cw-ocr-page__words" aria-labelledby="ocr-page-words-label">
              {data.words.map((w, i) => (
                <li key={i}>
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    aria-pressed={active === i}
                    onClick={() => setActive(i)}
                    onFocus={() => setActive(i)}
                    data-testid="ocr-page-word"
                  >
                    {t('coding.ocrPage.word', { word: w.word, confidence: w.confidence })}
                    {!w.box && ` (${t('coding.ocrPage.noPlace')})`}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** The panel for one response: the first page read with OCR, then the one chosen. */
export function OcrPagePanel({ responseId, onClose }: { responseId: string; onClose: () => void }) {
  const [page, setPage] = useState<number | undefined>(undefined);
  useEffect(() => setPage(undefined), [responseId]);
  const query = useApiQuery('responses.ocrPage', page === undefined ? { id: responseId } : { id: responseId, page });
  return <OcrPageView data={query.data} loading={query.isPending} failed={query.isError} onPage={setPage} onClose={onClose} />;
}
