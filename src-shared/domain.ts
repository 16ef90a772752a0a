// Domain types shared by the core, the transports and the UI.
// Plain data only: nothing here imports Node or the DOM.
import type { BackupSettings } from './backup';
import type { WorkingCopyInfo } from './team';
import type { PersonalKind, PersonalSpan } from './personal';
import type { EmailReport } from './imports';

/** ISO 8601 timestamp in UTC, e.g. 2026-11-27T10:07:53.123Z. */
export type Timestamp = string;
/** Calendar date, ISO yyyy-mm-dd (shown to users as dd.mm.åååå). */
export type IsoDate = string;

export type TemplateId = 'brev-kommunene-2022' | 'blank';

export interface TemplateSummary {
  id: TemplateId;
  title: string;
  caseNumber: string | null;
  questionCount: number;
}

export interface QuestionOption {
  id: string;
  ordinal: number;
  label: string;
}

export interface Question {
  id: string;
  /** 1-based position in the letter. */
  ordinal: number;
  shortLabel: string;
  text: string;
  options: QuestionOption[];
}

export interface ProjectSummary {
  id: string;
  path: string;
  title: string;
  caseNumber: string | null;
  /** Deadline for responses (ISO date). */
  deadline: IsoDate | null;
  issuer: string | null;
  sourceUrl: string | null;
  templateId: TemplateId;
  createdAt: Timestamp;
  createdBy: string;
  schemaVersion: string;
  register: RegisterInfo;
  questions: Question[];
  /** Set when this project is a working copy made from a work package (team work, src-shared/team.ts). */
  workingCopy: WorkingCopyInfo | null;
}

export interface RegisterInfo {
  name: string;
  version: string;
  source: string;
  licence: string;
  municipalityCount: number;
  policeDistrictCount: number;
}

export interface Municipality {
  /** Four-digit municipality number, leading zero kept ("0301"). */
  number: string;
  name: string;
  /** Statistics Norway's label, which carries Sami/Kven parallel names. */
  officialName: string;
  countyNumber: string;
  countyName: string;
  policeDistrictCode: string;
  policeDistrictName: string;
  population: number;
  adminCentre: string;
  languageForm: string;
}

export interface PoliceDistrict {
  code: string;
  name: string;
  municipalityCount: number;
  population: number;
}

export interface County {
  number: string;
  name: string;
  municipalityCount: number;
}

export interface ProjectStats {
  questions: number;
  municipalities: number;
  policeDistricts: number;
  responses: { current: number; superseded: number };
  respondents: { matched: number; unmatched: number; ambiguous: number };
  answers: { byQuestion: number[]; unassigned: number };
  codings: number;
  findings: number;
  findingLinks: number;
}

export interface Attribution {
  dataset: string;
  description: string;
  source: string;
  licence: string;
  attribution: string;
}

export type Locale = 'nb' | 'en';

export interface Settings {
  /** Name recorded as author on every change. */
  userName: string;
  locale: Locale;
  recentProjects: string[];
  /** Where automatic backups go and how many are kept (src-shared/backup.ts). */
  backup: BackupSettings;
}

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' inside the desktop app, 'host' when served to a browser. */
  shell: 'electron' | 'host';
  /** Folder where new projects are created when no absolute path is given. */
  workspaceDir: string;
  schemaVersion: string;
  attributions: Attribution[];
}

export interface ProjectFile {
  path: string;
  name: string;
  sizeBytes: number;
  modifiedAt: Timestamp;
}

/** A response's status, in the order of the work (lists and filters show them in this order). */
export const RESPONSE_STATUSES = ['ikke_startet', 'under_arbeid', 'ferdig', 'kvalitetssikret'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];
export type MatchStatus = 'matched' | 'unmatched' | 'ambiguous';

export interface MunicipalityFacts {
  number: string;
  name: string;
  countyName: string;
  policeDistrictCode: string;
  policeDistrictName: string;
  population: number;
}

export interface RespondentSummary {
  id: string;
  name: string;
  status: MatchStatus;
  /** A county council (fylkeskommune): its own kind, never counted as a municipality. */
  countyCouncil: boolean;
  municipality: MunicipalityFacts | null;
  /** Ambiguous: the municipalities the name fits. */
  candidates: MunicipalityFacts[];
  responses: number;
  currentResponseId: string | null;
}

export interface ResponseSummary {
  id: string;
  respondentId: string;
  respondentName: string;
  matchStatus: MatchStatus;
  /** A county council (fylkeskommune): its own kind, never counted as a municipality. */
  countyCouncil: boolean;
  municipality: MunicipalityFacts | null;
  receivedDate: IsoDate | null;
  importedAt: Timestamp;
  isCurrent: boolean;
  needsSplitting: boolean;
  status: ResponseStatus;
  /** Question ordinals this response answers. */
  answered: number[];
  hasUnassigned: boolean;
  /** The kinds of personal data found in its answers («inneholder personopplysninger»); empty: none found. */
  personalData: PersonalKind[];
  /** Mean OCR word confidence 0–100 when the text was read with OCR («lest med OCR»); absent or null otherwise. */
  ocrConfidence?: number | null;
}

/** What the response list can be sorted by: the sender (municipality or name), county, police district, date received. */
export type ResponseSortKey = 'name' | 'county' | 'district' | 'received';

/** One page of the response list (responses.page), with the figures of the whole filtered list. */
export interface ResponsePage {
  rows: ResponseSummary[];
  /** Responses that pass the filter, on all pages. */
  total: number;
  /** Of them: the municipalities they come from, and how many come from others (no municipality). */
  municipalities: number;
  others: number;
  /** Pass it as `cursor` for the next page; null: this page is the last. */
  nextCursor: string | null;
}

/** How a response's text was read with OCR: pages, the mean word confidence, and the words flagged for review. */
export interface OcrReading {
  pages: number;
  /** The source's page numbers read with OCR (a PDF's other pages had a text layer); absent in readings stored before it was kept. */
  pageNumbers?: number[];
  confidence: number;
  /** Words below the threshold (all of them, though `review` keeps at most 500). */
  lowWords: number;
  review: OcrReviewWord[];
  /** The whole text as OCR read it. */
  text: string;
}

/** A word OCR read with low confidence, to check against the page. */
export interface OcrReviewWord {
  page: number;
  word: string;
  confidence: number;
  /** Its place on the page: left, top, right, bottom as shares (0–1) of the page's width and height; absent in older readings. */
  box?: [number, number, number, number];
}

/** One page of a scanned source drawn for the coding view, beside the text OCR read from it. */
export interface OcrPageImage {
  /** The page shown (the source's page number). */
  page: number;
  /** Every page read with OCR, to step between. */
  pages: number[];
  /** A PNG or JPEG as a data: URL (the page drawn from the stored source file; nothing is fetched); null for a TIFF, which the screen cannot draw. */
  src: string | null;
  width: number;
  height: number;
  /** The low-confidence words on this page, with their places where known. */
  words: OcrReviewWord[];
}

export interface AnswerPart {
  id: string;
  /** Null: text not assigned to a question. */
  questionId: string | null;
  questionOrdinal: number | null;
  ordinal: number;
  text: string;
  /** Personal data found in the text (kind and span); absent where not read. */
  personal?: PersonalSpan[];
}

export interface ResponseVersion {
  id: string;
  receivedDate: IsoDate | null;
  importedAt: Timestamp;
  isCurrent: boolean;
  fileName: string | null;
}

export interface Provenance {
  batchId: string;
  batchLabel: string;
  sourceFileId: string | null;
  fileName: string | null;
  sha256: string | null;
  locator: string;
  importedAt: Timestamp;
  importedBy: string;
  /** The e-mail the response came in (sender, date, subject, Message-ID, the letter attachment and the others), when it did. */
  email?: EmailReport | null;
}

export interface ResponseDetail extends ResponseSummary {
  /** Ambiguous respondents: the municipalities the name fits. */
  candidates: MunicipalityFacts[];
  answers: AnswerPart[];
  provenance: Provenance;
  versions: ResponseVersion[];
  /** Set when the text was read with OCR. */
  ocr?: OcrReading | null;
}

/** The response as it stood in its source file. */
export interface OriginalView {
  fileName: string;
  mediaType: string;
  locator: string;
  /** Tables: the row's cells under their headers. */
  fields?: { header: string; value: string }[];
  /** Letters: the text as read from the file. */
  text?: string;
}

export interface UnansweredGroup {
  key: string;
  name: string;
  unanswered: number;
  total: number;
}

export interface UnansweredSummary {
  municipalities: Municipality[];
  byPoliceDistrict: UnansweredGroup[];
  byCounty: UnansweredGroup[];
}

/** What «Slett besvarelse permanent» would remove, shown in its dialog before anything is erased (counts, never content). */
export interface ErasurePlan {
  responseId: string;
  respondentName: string;
  /** The response's answer parts and their length in characters (the text that goes). */
  answers: number;
  characters: number;
  codings: number;
  /** This response's variable values. */
  variableValues: number;
  /** Other responses' variable values whose evidence is quoted from this response: they keep the value, lose the evidence. */
  evidenceElsewhere: number;
  memos: number;
  findingLinks: number;
  /** The source file, how many other responses came from it, and whether it goes (only when none did). */
  sourceFile: { name: string; sharedWith: number; erased: boolean } | null;
  /** The respondent's other responses: the respondent can go too only when there are none. */
  respondentOtherResponses: number;
  /** Snapshots taken since the response was imported: they will still hold it. */
  backupsHoldingIt: number;
}

/** What «Slett besvarelse permanent» erased (ids and counts by kind, never content). */
export interface ErasureResult {
  erasureId: string;
  at: Timestamp;
  by: string;
  responseId: string;
  /** When the erased response was imported (snapshots older than this never held it). */
  importedAt: Timestamp;
  /** The respondent, when it was erased too. */
  respondentId: string | null;
  /** Rows erased, by table (response, answer, coding, finding_link, variable_value, memo, source_file, respondent, …). */
  counts: Record<string, number>;
  /**
   * The response's source file, how many other responses came from it, and whether it was erased: only when
   * none did; otherwise it stays for them (and its original bytes still hold this response's text).
   */
  sourceFile: { name: string; sharedWith: number; erased: boolean } | null;
  /** Snapshots taken before the erasure: they still hold the erased text until rotated away or deleted. */
  backupsHoldingIt: { id: string; takenAt: string; file: string }[];
}
