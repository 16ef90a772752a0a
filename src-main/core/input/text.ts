// Text as stored: exactly as received, normalised only where a reader cannot
// tell the difference (Unicode NFC, line ends). Nothing is trimmed away.

/** NFC and \n line ends; drops a leading BOM, keeps everything else. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').normalize('NFC').replace(/\r\n?/g, '\n');
}

/** True when a value holds nothing a reader would miss. */
export function isBlank(text: string | null | undefined): boolean {
  return !text || text.trim() === '';
}

/** Lower-case key for comparing names and headers: hyphens, dashes and punctuation become spaces. */
export function foldKey(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .replace(/[‐-―\-_/.,:;()[\]"'«»]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
