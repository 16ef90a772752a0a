// Domain types shared by the core, the transports and the UI.
// Plain data only: nothing here imports Node or the DOM.

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
