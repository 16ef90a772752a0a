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
  /** refused: the positions do not fit the source's text under the file's reading (nothing coded). */
  kind: 'skipped' | 'refused' | 'split' | 'cut';
  reason: string;
}

/** How a file's selection positions were read (src-main/core/refi/reading.ts). */
export interface RefiPositionReading {
  /** "codepoint": Unicode code points, as the standard says; "utf16": UTF-16 code units, as NVivo counts (an emoji is two). */
  unit: 'codepoint' | 'utf16';
  /** CR LF counted as two characters (as written) or as one. */
  crlf: 1 | 2;
  /** origin: the producer is known; detected: the texts fit this reading clearly; unambiguous: all readings agree; given: chosen at import; refused: no reading fits, nothing coded. */
  basis: 'origin' | 'detected' | 'unambiguous' | 'given' | 'refused';
  /** The file's origin attribute (the program that wrote it). */
  origin: string | null;
  explanation: string;
  /** Selections that begin and end on word boundaries under each reading. */
  fits: { unit: 'codepoint' | 'utf16'; crlf: 1 | 2; selections: number; fitting: number }[];
}

/** What the file holds, counted as written. */
export interface RefiFileCounts {
  sources: number;
  textSources: number;
  codes: number;
  sets: number;
  /** PlainTextSelections with at least one coding, plus codings on whole sources. */
  selections: number;
  /** Codes on selections (a selection with two codes counts two). */
  codings: number;
  notes: number;
  users: number;
  cases: number;
  variables: number;
}

/** Why codings of a file were not imported (a key the UI translates; `reason` says it in English). */
export type RefiSkipReason = 'noText' | 'notAResponse' | 'noReading' | 'positionsMismatch' | 'outsideAnswers' | 'unknownCode' | 'otherQuestion';

/** Something in the file Innspill does not import, and why. */
export interface RefiNotImported {
  key: 'notes' | 'cases' | 'variables' | 'links' | 'graphs' | 'sets' | 'setMembers' | 'media';
  kind: string;
  count: number;
  why: string;
}

export interface RefiImportReport {
  fileName: string;
  inFile: RefiFileCounts;
  positions: RefiPositionReading;
  codes: { created: number; updated: number; total: number };
  sources: { total: number; matched: number; unmatched: number };
  /** Responses made from sources that were no current response (the sourcesAsResponses option), and how their respondents matched the register. */
  responses: { created: number; matched: number; unmatched: number; ambiguous: number };
  /**
   * Codings: `inFile` counts each code on each selection in the whole file,
   * `inMatched` those in the matched sources; created and existing count
   * codings on answers (a selection split over two answers makes two);
   * skipped counts codings of the file not imported, `skippedBy` the same by
   * reason (unmatched source, positions that do not fit the text, …).
   */
  codings: {
    inFile: number;
    inMatched: number;
    created: number;
    /** Already in the project with the same answer, code and span (a re-import changes nothing). */
    existing: number;
    /** Not imported (see `notes` and `skippedBy` for why). */
    skipped: number;
  };
  skippedBy: { key: RefiSkipReason; reason: string; codings: number }[];
  /** The file's <Sets> of codes as code groups: groups created or updated, member codes in them, member codes the file's codebook lacks (left out). */
  codeGroups: { groups: number; members: number; unknownCodes: number };
  /** What the file holds that Innspill does not take in. */
  notImported: RefiNotImported[];
  matched: RefiMatchedSource[];
  unmatched: RefiUnmatchedSource[];
  notes: RefiSelectionNote[];
}
