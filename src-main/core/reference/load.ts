// The reference data shipped in resources/data, parsed with zod on load so a
// damaged installation fails with a clear message instead of odd results.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { messageOf } from '../caught';

const municipalitySchema = z.object({
  number: z.string().regex(/^\d{4}$/),
  name: z.string().min(1),
  officialName: z.string().min(1),
  parallelNames: z.array(z.string()).default([]),
  countyNumber: z.string().regex(/^\d{2}$/),
  countyName: z.string().min(1),
  policeDistrictCode: z.string().regex(/^p\d{2}$/),
  policeDistrictName: z.string().min(1),
  population: z.number().int().nonnegative(),
  adminCentre: z.string(),
  languageForm: z.string(),
  number2024: z.string().nullable().optional(),
});

const registerSchema = z.object({
  name: z.string(),
  version: z.string(),
  source: z.string(),
  licence: z.string(),
  municipalities: z.array(municipalitySchema).min(1),
  policeDistricts: z.array(z.object({ code: z.string().regex(/^p\d{2}$/), name: z.string() })).min(1),
});

const letterSchema = z.object({
  id: z.string(),
  title: z.string(),
  caseNumber: z.string(),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  issuer: z.string(),
  sourceUrl: z.string(),
  questions: z
    .array(
      z.object({
        ordinal: z.number().int().positive(),
        shortLabel: z.string(),
        text: z.string().min(1),
        options: z.array(z.string()),
      }),
    )
    .min(1),
});

const attributionsSchema = z.array(
  z.object({
    dataset: z.string(),
    description: z.string(),
    source: z.string(),
    licence: z.string(),
    attribution: z.string(),
  }),
);

const starterCodeSchema: z.ZodType<StarterCode> = z.lazy(() =>
  z.object({
    name: z.string().min(1),
    description: z.string().default(''),
    colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/).optional(),
    shortcut: z.string().max(1).optional(),
    question: z.number().int().positive().optional(),
    children: z.array(starterCodeSchema).default([]),
  }),
);

export interface StarterCode {
  name: string;
  description: string;
  colour?: string;
  shortcut?: string;
  question?: number;
  children: StarterCode[];
}

const templateExtrasSchema = z.object({
  variables: z.array(
    z.object({
      key: z.string().regex(/^[a-z0-9_]+$/),
      label: z.string().min(1),
      question: z.number().int().positive().optional(),
      kind: z.enum(['single', 'multi', 'text']),
      shortcut: z.string().max(1).optional(),
      options: z.array(z.object({ value: z.string().min(1), label: z.string().min(1) })),
    }),
  ),
  codebook: z.array(starterCodeSchema),
});

export type TemplateExtras = z.infer<typeof templateExtrasSchema>;

/** DFØ's (earlier Difi's) evaluation reports of the police reform, as gathered in the shared data. */
const dfoReportsSchema = z.array(
  z
    .object({
      id: z.string().min(1),
      title: z.string().optional(),
      covers: z.string().optional(),
      focus: z.string().optional(),
      published: z.string().optional(),
      verified_title: z.boolean(),
      source: z.string().optional(),
      findings: z.array(z.string()).default([]),
    })
    .passthrough(),
);

export type DfoReports = z.infer<typeof dfoReportsSchema>;

/** The 20 police service locations announced 2022–2024 (municipality numbers as of 2022). */
const newStationsSchema = z.array(
  z.object({
    station: z.string().min(1),
    municipalityName: z.string().min(1),
    municipalityNumber: z.string().regex(/^\d{4}$/),
    policeDistrict: z.string().min(1),
    announced: z.string(),
    kind: z.string(),
    note: z.string().default(''),
    sourceUrl: z.string(),
  }),
);

export type NewStations = z.infer<typeof newStationsSchema>;
export type RegisterData = z.infer<typeof registerSchema>;
export type LetterData = z.infer<typeof letterSchema>;
export type AttributionData = z.infer<typeof attributionsSchema>;

export interface ReferenceData {
  register: RegisterData;
  letter2022: LetterData;
  attributions: AttributionData;
  /** Variables and starter codebook of the 2022 letter's template. */
  letter2022Extras: TemplateExtras;
  dfoReports: DfoReports;
  newStations: NewStations;
}

function readResource<T>(resourcesDir: string, file: string, schema: z.ZodType<T>): T {
  const full = path.join(resourcesDir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(full, 'utf8'));
  } catch (e) {
    throw new Error(`Reference data missing or unreadable: ${full} (${messageOf(e)})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Reference data invalid: ${full}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

const cache = new Map<string, ReferenceData>();

export function loadReferenceData(resourcesDir: string): ReferenceData {
  let data = cache.get(resourcesDir);
  if (!data) {
    data = {
      register: readResource(resourcesDir, 'data/register-2022.json', registerSchema),
      letter2022: readResource(resourcesDir, 'data/letter-2022.json', letterSchema),
      attributions: readResource(resourcesDir, 'data/attributions.json', attributionsSchema),
      letter2022Extras: readResource(resourcesDir, 'templates/brev-kommunene-2022.json', templateExtrasSchema),
      dfoReports: readResource(resourcesDir, 'data/dfo-reports.json', dfoReportsSchema),
      newStations: readResource(resourcesDir, 'data/new-stations-2022-2024.json', newStationsSchema),
    };
    cache.set(resourcesDir, data);
  }
  return data;
}

/** Finds resources/ by walking up from `start` (source tree, build output or package). */
export function findResourcesDir(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'resources', 'data', 'register-2022.json'))) return path.join(dir, 'resources');
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the resources folder above ${start}`);
    dir = parent;
  }
}
