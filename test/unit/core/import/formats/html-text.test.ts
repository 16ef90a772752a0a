// The one HTML-to-text path (formats/html-text.ts), as an e-mail's HTML-only
// body uses it: scripts, styles and the head are dropped, blocks and <br> are
// lines (so «Spørsmål N» headings stay lines for the splitter), entities are
// decoded, and a body with more tags than a page may hold is refused.
import { describe, expect, it } from 'vitest';
import { HTML_LIMITS, htmlToText } from '../../../../../src-main/core/import/formats/html-text';

describe('htmlToText', () => {
  it('keeps blocks and line breaks as lines and drops scripts, styles and the head', () => {
    const html =
      '<html><head><title>Tittel</title><style>p{color:red}</style><script>alert(1)</script></head><body>' +
      '<p><b>Spørsmål 1: Hvordan vurderer kommunen dagens polititjeneste?</b></p><p>Svar&nbsp;1: politiet   må bli mer synlig.</p>' +
      '<div>Med hilsen<br>Ola</div><ul><li>én</li><li>to</li></ul></body></html>';
    expect(htmlToText(html)).toBe('Spørsmål 1: Hvordan vurderer kommunen dagens polititjeneste?\nSvar 1: politiet må bli mer synlig.\nMed hilsen\nOla\nén\nto');
  });

  it('reads a fragment (a mail body without <html>) the same way', () => {
    expect(htmlToText('Hei,<br><br>se vedlegg.<p>Mvh</p>')).toBe('Hei,\nse vedlegg.\nMvh');
  });

  it('refuses a body with more tags than a page may hold, before building it', () => {
    expect(() => htmlToText('<span>a</span>'.repeat(HTML_LIMITS.maxElements + 1))).toThrow(expect.objectContaining({ code: 'HTML_TOO_COMPLEX' }));
  });
});
