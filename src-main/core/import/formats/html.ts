// A response page saved from the consultation site (.html/.htm) read as one
// letter: the sender from the page's heading, the date the page shows, the
// response text without the site's navigation, menus, cookie banners and
// scripts, and the attachment links listed. linkedom parses the page into a
// DOM that never runs a script; Mozilla's Readability finds the main text.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ImportError } from '../../input/errors';
import { decodeText } from '../../input/decode';
import type { ImportLimits } from '../../input/limits';
import { parseDate } from '../dates';
import { blockText, checkTagCount, clean, HTML_LIMITS } from './html-text';
import type { ParsedLetter } from './types';

type El = Element;

/** Parts of a page that are never the response: site chrome, scripts, forms and banners. */
const NOISE_TAGS = 'script, style, noscript, template, iframe, object, embed, svg, canvas, form, nav, footer, aside, button, dialog';
const NOISE_NAME = /(?:^|[\s_-])(?:cookie|cookies|consent|gdpr|banner|meny|menu|navbar|breadcrumbs?|brodsmule\w*|skip|hopp|footer|bunntekst|share|del-siden|social)(?:$|[\s_-])/i;
const ATTACHMENT_NAME = /(?:^|[\s_-])(?:vedlegg|attachments?|dokumenter)(?:$|[\s_-])/i;
const ATTACHMENT_HEADING = /^\s*(?:vedlegg|vedlagte dokumenter|attachments?)\s*:?\s*$/i;
const DOCUMENT_LINK = /\.(?:pdf|docx?|odt|rtf|txt|xlsx?|ods|pptx?|zip)(?:[?#].*)?$/i;
const DATE_IN_TEXT = /(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2})/;
const DATE_LABEL = /(?:dato|publisert|innsendt|mottatt|sendt|datert)\s*:?\s*$/i;

export interface PageAttachment {
  name: string;
  href: string;
}

function classAndId(el: El): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
}

/** Refuses a page too large or too deeply nested to read safely (walked without recursion). */
function checkSize(document: Document): void {
  let count = 0;
  let deepest = 0;
  const stack: [El, number][] = document.documentElement ? [[document.documentElement, 1]] : [];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    count++;
    deepest = Math.max(deepest, depth);
    if (count > HTML_LIMITS.maxElements) {
      throw new ImportError('HTML_TOO_COMPLEX', `The page has more than ${HTML_LIMITS.maxElements} elements; a saved response page has far fewer`);
    }
    if (deepest > HTML_LIMITS.maxDepth) {
      throw new ImportError('HTML_TOO_COMPLEX', `The page nests elements more than ${HTML_LIMITS.maxDepth} levels deep`);
    }
    for (const child of el.children) stack.push([child, depth + 1]);
  }
}

/** The page's date: a <time datetime>, a labelled date («Publisert: 12.03.2024»), then a date in the heading's neighbourhood. */
function pageDate(document: Document, main: El): { date: string; line: string } | null {
  for (const time of main.querySelectorAll('time')) {
    const raw = time.getAttribute('datetime') ?? time.textContent ?? '';
    const date = parseDate(raw.trim().slice(0, 10)) ?? parseDate(clean(time.textContent ?? ''));
    if (date) return { date, line: clean(time.parentElement?.textContent ?? time.textContent ?? '') };
  }
  const lines = blockText(main).split('\n');
  for (const [i, line] of lines.entries()) {
    const m = DATE_IN_TEXT.exec(line);
    if (!m) continue;
    const before = line.slice(0, m.index);
    const labelled = DATE_LABEL.test(before) || (before.trim() === '' && i > 0 && DATE_LABEL.test(lines[i - 1]));
    const date = labelled ? parseDate(m[1].replace(/\s+/g, '')) : null;
    if (date) return { date, line: clean(labelled && before.trim() === '' ? `${lines[i - 1]} ${line}` : line) };
  }
  for (const meta of document.querySelectorAll('meta[property="article:published_time"], meta[name="date"], meta[name="dcterms.date"]')) {
    const date = parseDate((meta.getAttribute('content') ?? '').slice(0, 10));
    if (date) return { date, line: `metadata: ${meta.getAttribute('content')}` };
  }
  return null;
}

/** The attachment links (documents the page links to), and removes their list from the text. */
function takeAttachments(main: El): PageAttachment[] {
  const found: PageAttachment[] = [];
  const seen = new Set<string>();
  for (const a of main.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    let inSection = false;
    for (let p: El | null = a.parentElement; p && p !== main; p = p.parentElement) if (ATTACHMENT_NAME.test(classAndId(p))) inSection = true;
    if (!DOCUMENT_LINK.test(href) && !inSection) continue;
    const name = clean(a.textContent ?? '') || decodeURIComponent(href.split('/').pop() ?? href);
    if (seen.has(href)) continue;
    seen.add(href);
    found.push({ name, href });
  }
  // The list of attachments is not part of the response text.
  for (const el of [...main.querySelectorAll('*')]) {
    if (ATTACHMENT_NAME.test(classAndId(el))) el.remove();
  }
  for (const h of [...main.querySelectorAll('h2, h3, h4, strong, p')]) {
    if (!ATTACHMENT_HEADING.test(h.textContent ?? '')) continue;
    const list = h.nextElementSibling;
    if (list && (list.tagName === 'UL' || list.tagName === 'OL')) list.remove();
    h.remove();
  }
  for (const a of [...main.querySelectorAll('a[href]')]) if (DOCUMENT_LINK.test(a.getAttribute('href') ?? '')) (a.closest('li') ?? a).remove();
  return found;
}

export function readHtml(bytes: Buffer, limits: Pick<ImportLimits, 'maxCellChars'>): ParsedLetter {
  const { text: html, encoding } = decodeText(bytes);
  if (!/<(?:html|body|main|article|p|div|h1)\b/i.test(html)) throw new ImportError('BAD_HTML', 'The file is not a web page (no HTML elements found)');
  checkTagCount(html);
  const { document } = parseHTML(html);
  if (!document.documentElement) throw new ImportError('BAD_HTML', 'The web page could not be read');
  checkSize(document);
  // Nothing on the page runs: linkedom executes no script; the tags are dropped before anything reads the page.
  for (const el of [...document.querySelectorAll(NOISE_TAGS)]) el.remove();
  for (const el of [...document.querySelectorAll('[id], [class], [role], [aria-label]')]) {
    if (el.tagName !== 'BODY' && el.tagName !== 'HTML' && el.tagName !== 'MAIN' && el.tagName !== 'ARTICLE' && NOISE_NAME.test(classAndId(el))) el.remove();
  }
  const main = document.querySelector('main, article, [role="main"]') ?? document.body ?? document.documentElement;
  if (!main) throw new ImportError('NO_ROWS', 'The page contains no text');
  const heading = clean(main.querySelector('h1')?.textContent ?? document.querySelector('h1')?.textContent ?? '');
  const date = pageDate(document, main);
  const attachments = takeAttachments(main);
  // The heading and the date line are taken apart; Readability finds the response among what is left.
  main.querySelector('h1')?.remove();
  for (const t of [...main.querySelectorAll('time')]) (t.parentElement && t.parentElement !== main ? t.parentElement : t).remove();
  if (date) {
    for (const el of [...main.querySelectorAll('p, div, span, dl, li')]) {
      if (el.children.length <= 2 && DATE_IN_TEXT.test(el.textContent ?? '') && clean(el.textContent ?? '').length < 60 && /dato|publisert|innsendt|mottatt|sendt|datert/i.test(el.textContent ?? '')) el.remove();
    }
  }
  const { document: readable } = parseHTML(`<!doctype html><html><head><title></title></head><body>${main.outerHTML}</body></html>`);
  const article = new Readability(readable, { charThreshold: 20, keepClasses: false }).parse();
  let body = article?.content ? blockText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body) : '';
  // Readability gives up on a very short response: the page's own text is the response then.
  if (body.length < 40) body = blockText(main);
  const text = [heading, body].filter((t) => t.trim() !== '').join('\n');
  if (text.trim() === '') throw new ImportError('NO_ROWS', 'The page contains no response text');
  if (text.length > limits.maxCellChars) {
    throw new ImportError('CELL_TOO_LONG', `The page's text is ${text.length} characters; the limit is ${limits.maxCellChars}`);
  }
  const warnings: ParsedLetter['warnings'] = [];
  if (attachments.length > 0) {
    warnings.push({
      code: 'PAGE_ATTACHMENTS',
      message: `Siden lenker til ${attachments.length === 1 ? 'ett vedlegg' : `${attachments.length} vedlegg`} som ikke er hentet: ${attachments.map((a) => `«${a.name}» (${a.href})`).join(', ')}`,
    });
  }
  return { kind: 'letter', format: 'html', encoding, text, pageDate: date, attachments, warnings };
}
