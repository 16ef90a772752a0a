// Exchange with other qualitative analysis programs through REFI-QDA
// projects (.qdpx): what an import found and did. The export returns an
// ExportResult (src-shared/export.ts).

/** A text source in the file and the response it was matched to. */
export interface RefiMatchedSource {
  source: string;
  responseId: string;
  /** The respondent (municipality name or organisation). */
  respondent: string;
  /** "text": the whole text is the response as Innspill exports it; "answers": every answer's text occurs in the source. */
  how: 'text' | 'answers';
  /** Codings created from this source. */
  codings: number;
}

export interface RefiUnmatchedSource {
  source: string;
  reason: string;
  /** Coded selections in it (not imported). */
  selections: number;
}

/** A coded selection that was not imported as it stood: skipped, split over answers, or cut to the answer's text. */
export interface RefiSelectionNote {
  source: string;
  /** The selection's name or its positions. */
  selection: string;
  kind: 'skipped' | 'split' | 'cut';
  reason: string;
}

export interface RefiImportReport {
  fileName: string;
  codes: { created: number; updated: number; total: number };
  sources: { total: number; matched: number; unmatched: number };
  /**
   * Codings: `inFile` counts each code on each selection in the matched
   * sources; the others count codings on answers (a selection split over two
   * answers makes two).
   */
  codings: {
    inFile: number;
    created: number;
    /** Already in the project with the same answer, code and span (a re-import changes nothing). */
    existing: number;
    /** Not imported (see `notes` for why). */
    skipped: number;
  };
  matched: RefiMatchedSource[];
  unmatched: RefiUnmatchedSource[];
  notes: RefiSelectionNote[];
}
