// Limits that keep a hostile or mistaken file from exhausting the laptop.
export const importLimits = {
  /** Largest single file (CSV, XLSX, JSON, DOCX, PDF, TXT). */
  maxFileBytes: 100 * 1024 * 1024,
  /** Most data rows in one table. */
  maxRows: 100_000,
  /** Longest single cell or answer, in characters. */
  maxCellChars: 200_000,
  /** ZIP archives: entries, bytes per entry and in total once unpacked, and compression ratio. */
  maxArchiveEntries: 5_000,
  maxArchiveBytes: 500 * 1024 * 1024,
  maxCompressionRatio: 200,
  /** E-mail (.eml/.msg): MIME nesting depth, parts, header bytes, and messages inside messages. */
  maxEmailDepth: 50,
  maxEmailParts: 1_000,
  maxEmailHeaderBytes: 512 * 1024,
  maxEmailMessages: 25,
  /** Longest a PDF's text layer may take to read (pdf-text.ts): a letter of a hundred pages takes a few seconds. */
  maxPdfMs: 30_000,
  /** Rows searched for the header below title rows. */
  headerSearchRows: 30,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof importLimits]: number };
