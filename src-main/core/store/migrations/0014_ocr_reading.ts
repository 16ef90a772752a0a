// Responses read with OCR (a scanned PDF, an image): the mean word confidence
// (0–100; null for every response whose text came from a text layer or a
// table), and the reading itself as JSON — pages read with OCR, the words
// below the confidence threshold (page, word, confidence) for review, and the
// whole OCR text as read, which the «original» view shows (the stored scan
// has no text to re-read).
import { sql, type Kysely } from 'kysely';

const statements = [
  `ALTER TABLE response ADD COLUMN ocr_confidence INTEGER CHECK (ocr_confidence IS NULL OR ocr_confidence BETWEEN 0 AND 100)`,
  `ALTER TABLE response ADD COLUMN ocr_reading TEXT CHECK (ocr_reading IS NULL OR (json_valid(ocr_reading) AND ocr_confidence IS NOT NULL))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
