// One way from HTML to plain text, for a saved response page (html.ts) and for
// an e-mail whose body is HTML only (email.ts): linkedom builds a DOM that never
// runs a script, script/style/head are dropped, and every block element (p, div,
// h1–h6, li, tr, …) and <br> becomes a line break, so paragraphs and question
// headings stay lines the letter splitter can find. The tag count is checked
// before the DOM is built, so a hostile page or mail body cannot take the memory.
import { parseHTML } from 'linkedom';
import { ImportError } from '../../input/errors';

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'TR', 'TABLE', 'BLOCKQUOTE', 'PRE', 'HEADER', 'DL', 'DT', 'DD', 'FIGURE', 'ADDRESS']);

/** The count of elements a page may hold, and how deep they may nest: a saved page holds a few thousand. */
export const HTML_LIMITS = { maxElements: 100_000, maxDepth: 400 };

export function clean(text: string): string {
  return text.replace(/[\u00a0\t ]+/g, ' ').trim();
}

/** Text with a line break around each block element, so paragraphs and question headings stay lines. */
export function blockText(root: Node): string {
  const out: string[] = [];
  const stack: { node: Node; closing: boolean }[] = [{ node: root, closing: false }];
  while (stack.length > 0) {
    const { node, closing } = stack.pop()!;
    if (closing) {
      out.push('\n');
      continue;
    }
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = 'tagName' in node && typeof node.tagName === 'string' ? node.tagName : '';
    if (tag === 'BR') {
      out.push('\n');
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) {
      out.push('\n');
      stack.push({ node, closing: true });
    }
    const children = [...node.childNodes];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], closing: false });
  }
  return out
    .join('')
    .split('\n')
    .map(clean)
    .join('\n')
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/** Elements are counted before the DOM is built: a page with millions of tags is refused without the memory it would take. */
export function checkTagCount(html: string): void {
  let count = 0;
  const tag = /<[a-zA-Z]/g;
  while (tag.exec(html)) {
    if (++count > HTML_LIMITS.maxElements) {
      throw new ImportError('HTML_TOO_COMPLEX', `The page has more than ${HTML_LIMITS.maxElements} elements; a saved response page has far fewer`);
    }
  }
}

/** An HTML document or fragment (an e-mail's HTML body) as plain text: no scripts, styles or head; blocks as lines. */
export function htmlToText(html: string): string {
  checkTagCount(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of [...document.querySelectorAll('script, style, head, noscript, template')]) el.remove();
  return blockText(document.body);
}
