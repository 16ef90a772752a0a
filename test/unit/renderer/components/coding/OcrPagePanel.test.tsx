// @vitest-environment happy-dom
// The scanned page beside the OCR text: the low-confidence words are marked
// where they stand on the page (shares of the page as CSS percentages), a word
// chosen in the list — by click or by Tab — is marked alone, pages step
// within those read with OCR, Escape closes, and a TIFF page or a failure is
// said in words.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../../../../src-renderer/src/i18n';
import { markStyle, OcrPageView, pageSteps } from '../../../../../src-renderer/src/components/coding/OcrPagePanel';
import type { OcrPageImage } from '../../../../../src-shared/domain';

const page: OcrPageImage = {
  page: 2,
  pages: [1, 2, 4],
  src: 'data:image/png;base64,iVBORw0KGgo=',
  width: 1241,
  height: 1754,
  words: [
    { page: 2, word: 'bemanningen', confidence: 41, box: [0.31, 0.42, 0.455, 0.44] },
    { page: 2, word: 'tjenestestedet', confidence: 52, box: [0.5, 0.42, 0.7, 0.44] },
    { page: 2, word: 'Ordføreren', confidence: 30 },
  ],
};

describe('markStyle and pageSteps', () => {
  it('places a box as percentages of the page', () => {
    expect(markStyle([0.31, 0.42, 0.455, 0.44])).toEqual({ left: '31%', top: '42%', width: '14.5%', height: '2%' });
  });
  it('steps among the pages read with OCR', () => {
    expect(pageSteps([1, 2, 4], 2)).toEqual({ previous: 1, next: 4 });
    expect(pageSteps([1, 2, 4], 1)).toEqual({ previous: null, next: 2 });
    expect(pageSteps([3], 3)).toEqual({ previous: null, next: null });
  });
});

describe('OcrPageView', () => {
  it('shows the page with the placed words marked, and marks the word chosen in the list alone', () => {
    render(<OcrPageView data={page} loading={false} failed={false} onPage={() => undefined} onClose={() => undefined} />);
    expect(screen.getByTestId('ocr-page').getAttribute('aria-label')).toBe('Skannet side 2 (2 av 3 lest med OCR)');
    expect(screen.getByTestId('ocr-page-image').getAttribute('alt')).toMatch(/^Skannet side 2 slik den er lagret/);
    const marks = screen.getAllByTestId('ocr-mark');
    expect(marks).toHaveLength(2);
    expect(marks[0].style.left).toBe('31%');
    expect(marks.some((m) => m.dataset.active)).toBe(false);
    const words = screen.getAllByTestId('ocr-page-word');
    expect(words.map((w) => w.textContent)).toEqual(['«bemanningen» (41 %)', '«tjenestestedet» (52 %)', '«Ordføreren» (30 %) (plassering ukjent)']);
    fireEvent.focus(words[1]);
    expect(screen.getAllByTestId('ocr-mark').map((m) => Boolean(m.dataset.active))).toEqual([false, true]);
    expect(words[1].getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(words[0]);
    expect(screen.getAllByTestId('ocr-mark').map((m) => Boolean(m.dataset.active))).toEqual([true, false]);
  });

  it('steps to the previous and next page read with OCR, and closes on Escape', () => {
    const onPage = vi.fn();
    const onClose = vi.fn();
    render(<OcrPageView data={page} loading={false} failed={false} onPage={onPage} onClose={onClose} />);
    fireEvent.click(screen.getByTestId('ocr-page-next'));
    fireEvent.click(screen.getByTestId('ocr-page-previous'));
    expect(onPage.mock.calls).toEqual([[4], [1]]);
    fireEvent.keyDown(screen.getAllByTestId('ocr-page-word')[0], { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('says a TIFF page cannot be shown, and says a failure, instead of showing nothing', () => {
    const { rerender } = render(<OcrPageView data={{ ...page, src: null }} loading={false} failed={false} onPage={() => undefined} onClose={() => undefined} />);
    expect(screen.getByTestId('ocr-page-unavailable').textContent).toMatch(/^Sider fra TIFF-filer kan ikke vises her/);
    expect(screen.queryByTestId('ocr-page-image')).toBeNull();
    rerender(<OcrPageView data={undefined} loading={false} failed onPage={() => undefined} onClose={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toMatch(/^Den skannede siden kunne ikke vises/);
  });
});
