// Reading fast-xml-parser's output (REFI-QDA projects and codebooks) without
// casts: the parser gives `unknown` shapes — an element with attributes or
// children is an object, a repeated one an array, a bare text element a
// string — so these guards say which is which where a node is read.

/** A parsed element: its attributes ('@_name'), its children by tag, its text ('#text'). */
export type XmlNode = Record<string, unknown>;

export function isXmlNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The elements under one tag as a list. A repeated (or declared repeating)
 * tag is an array, where a text-only element is kept as { '#text': text } so
 * it still counts; a single element is one object; anything else is none.
 */
export function xmlNodes(value: unknown): XmlNode[] {
  if (Array.isArray(value)) return value.map((v: unknown) => (isXmlNode(v) ? v : { '#text': v }));
  return isXmlNode(value) ? [value] : [];
}

/** The child element `tag` of `node` (the first if repeated), or undefined when `node` is no element or has none. */
export function xmlChild(node: unknown, tag: string): XmlNode | undefined {
  return isXmlNode(node) ? xmlNodes(node[tag])[0] : undefined;
}
