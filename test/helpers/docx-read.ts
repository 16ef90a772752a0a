// Reads a .docx back for the tests (its parts: unzipParts in zip-entries.ts):
// the WordprocessingML of the body as plain structures — paragraphs with their
// style, text and footnote references, tables with their rows — parsed with
// fast-xml-parser, in document order.
import { XMLParser } from 'fast-xml-parser';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false });

export function parseXml(xml: string | Buffer): Node[] {
  return parser.parse(xml.toString()) as Node[];
}

const nameOf = (n: Node) => Object.keys(n).find((k) => k !== ':@')!;
const childrenOf = (n: Node) => (n[nameOf(n)] as Node[] | undefined) ?? [];
const attr = (n: Node, a: string) => n[':@']?.[a];

/** Every element named `name` below `nodes`, depth first in document order. */
export function findAll(nodes: Node[], name: string): Node[] {
  const out: Node[] = [];
  const walk = (list: Node[]) => {
    for (const n of list) {
      const k = nameOf(n);
      if (k === name) out.push(n);
      if (k !== '#text' && Array.isArray(n[k])) walk(n[k] as Node[]);
    }
  };
  walk(nodes);
  return out;
}

function textOf(n: Node): string {
  return findAll([n], 'w:t')
    .map((t) => childrenOf(t).map((c) => (c['#text'] as string | undefined) ?? '').join(''))
    .join('');
}

export interface DocParagraph {
  style: string | null;
  text: string;
  footnoteIds: string[];
  /** The text of each bold run (w:b in its run properties), in order. */
  bold: string[];
  inTable: boolean;
  /** The XML element, for checks of its own. */
  node: Node;
}

export interface DocTable {
  rows: { header: boolean; cells: string[] }[];
  /** The grid's column widths in twips (w:tblGrid). */
  widths: number[];
}

export interface DocBody {
  /** Paragraphs in order, those in tables included (marked). */
  paragraphs: DocParagraph[];
  tables: DocTable[];
  /** Blocks of the body in order: a paragraph or a table. */
  blocks: ({ kind: 'p'; p: DocParagraph } | { kind: 'table'; table: DocTable })[];
}

function paragraphOf(p: Node, inTable: boolean): DocParagraph {
  const pPr = childrenOf(p).find((c) => nameOf(c) === 'w:pPr');
  const style = pPr ? childrenOf(pPr).find((c) => nameOf(c) === 'w:pStyle') : undefined;
  return {
    style: style ? (attr(style, 'w:val') ?? null) : null,
    text: textOf(p),
    footnoteIds: findAll([p], 'w:footnoteReference').map((f) => attr(f, 'w:id')!),
    bold: findAll([p], 'w:r')
      .filter((r) => findAll(childrenOf(r).filter((c) => nameOf(c) === 'w:rPr'), 'w:b').some((b) => attr(b, 'w:val') !== 'false' && attr(b, 'w:val') !== '0'))
      .map(textOf),
    inTable,
    node: p,
  };
}

function tableOf(t: Node): DocTable {
  return {
    widths: findAll(childrenOf(t).filter((c) => nameOf(c) === 'w:tblGrid'), 'w:gridCol').map((g) => Number(attr(g, 'w:w'))),
    rows: childrenOf(t)
      .filter((c) => nameOf(c) === 'w:tr')
      .map((tr) => ({
        header: findAll(childrenOf(tr).filter((c) => nameOf(c) === 'w:trPr'), 'w:tblHeader').length > 0,
        cells: childrenOf(tr)
          .filter((c) => nameOf(c) === 'w:tc')
          .map((tc) => findAll([tc], 'w:p').map(textOf).join('\n')),
      })),
  };
}

export function readBody(documentXml: string | Buffer): DocBody {
  const root = parseXml(documentXml);
  const body = findAll(root, 'w:body')[0];
  const paragraphs: DocParagraph[] = [];
  const tables: DocTable[] = [];
  const blocks: DocBody['blocks'] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      const k = nameOf(n);
      if (k === 'w:p') {
        const p = paragraphOf(n, false);
        paragraphs.push(p);
        blocks.push({ kind: 'p', p });
      } else if (k === 'w:tbl') {
        const table = tableOf(n);
        tables.push(table);
        blocks.push({ kind: 'table', table });
        for (const p of findAll([n], 'w:p')) paragraphs.push(paragraphOf(p, true));
      } else if (k === 'w:sdt') {
        // The table of contents: its paragraphs are not the memo's own.
        continue;
      } else if (k !== '#text' && Array.isArray(n[k])) {
        walk(n[k] as Node[]);
      }
    }
  };
  walk(childrenOf(body));
  return { paragraphs, tables, blocks };
}

/** Footnotes by id (the separator notes -1 and 0 left out): their text. */
export function readFootnotes(footnotesXml: string | Buffer): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of findAll(parseXml(footnotesXml), 'w:footnote')) {
    const id = attr(f, 'w:id')!;
    if (Number(id) > 0) out.set(id, textOf(f).trim());
  }
  return out;
}

/** Field instructions (TOC, PAGE, NUMPAGES…) in a part. */
export function fieldInstructions(xml: string | Buffer): string[] {
  return findAll(parseXml(xml), 'w:instrText').map((n) => childrenOf(n).map((c) => (c['#text'] as string | undefined) ?? '').join('').trim());
}

/** Normalises no-break spaces, so "12,5 %" can be written plainly in expectations. */
export function plain(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}
