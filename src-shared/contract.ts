// The API contract: one typed table of methods shared by the core (which
// implements it), the transports (Electron IPC, local HTTP host) and the UI
// (which calls it through a generated client). Every input is a zod schema and
// is parsed at the boundary; results are plain data described by a type.
import { z } from 'zod';
import type {
  AppInfo,
  County,
  Municipality,
  PoliceDistrict,
  ProjectFile,
  ProjectStats,
  ProjectSummary,
  Settings,
  TemplateSummary,
} from './domain';

interface MethodSpec<I extends z.ZodType, R> {
  input: I;
  /** Phantom field: carries the result type, never read at run time. */
  result: R;
}

function method<I extends z.ZodType>(input: I) {
  return {
    returns<R>(): MethodSpec<I, R> {
      return { input, result: undefined as R };
    },
  };
}

const none = z.object({}).strict();
const filePath = z.string().trim().min(1, 'Mangler filsti').max(4096);

export const templateIdSchema = z.enum(['brev-kommunene-2022', 'blank']);
export const localeSchema = z.enum(['nb', 'en']);

export const contract = {
  'app.info': method(none).returns<AppInfo>(),

  'settings.get': method(none).returns<Settings>(),
  'settings.update': method(
    z
      .object({
        userName: z.string().trim().min(1).max(120).optional(),
        locale: localeSchema.optional(),
      })
      .strict(),
  ).returns<Settings>(),

  'project.templates': method(none).returns<TemplateSummary[]>(),
  'project.list': method(none).returns<ProjectFile[]>(),
  'project.create': method(
    z
      .object({
        path: filePath,
        template: templateIdSchema.default('brev-kommunene-2022'),
        title: z.string().trim().min(1).max(300).optional(),
      })
      .strict(),
  ).returns<ProjectSummary>(),
  'project.open': method(z.object({ path: filePath }).strict()).returns<ProjectSummary>(),
  'project.close': method(none).returns<null>(),
  'project.current': method(none).returns<ProjectSummary | null>(),

  'registry.municipalities': method(
    z
      .object({
        query: z.string().max(200).optional(),
        countyNumber: z.string().regex(/^\d{2}$/).optional(),
        policeDistrictCode: z.string().regex(/^p\d{2}$/).optional(),
      })
      .strict(),
  ).returns<Municipality[]>(),
  'registry.policeDistricts': method(none).returns<PoliceDistrict[]>(),
  'registry.counties': method(none).returns<County[]>(),

  'stats.get': method(none).returns<ProjectStats>(),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (before defaults are applied). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing and defaults). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M]['result'];

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from the core to every connected UI. */
export interface EventMap {
  /** The open project changed (opened, created, closed). */
  'project.changed': { path: string | null };
  /** Data in the open project changed; `entities` names what to reload. */
  'data.changed': { entities: string[] };
  /** Progress of a long task (import, export). */
  progress: { task: string; done: number; total: number; message?: string };
}

export type EventName = keyof EventMap;
export const eventNames: EventName[] = ['project.changed', 'data.changed', 'progress'];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as string[]).includes(name);
}

/** The single object the preload exposes and the HTTP client imitates. */
export interface InnspillBridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}
