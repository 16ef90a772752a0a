// The messages between a transport (Electron main, the local host) and the
// core process: calls and their replies, events, the desktop opener (which
// only the parent may use), and start/stop. Plain data: both Node's IPC
// channel ('advanced' serialization) and Electron's parentPort carry it as a
// structured clone. Each side parses what it receives with the schemas here
// (as every transport parses what crosses it), so a message is typed by a
// check, not by trust. The objects are loose: a field added to a message or
// a payload passes through unchanged even before a schema here names it.
import { z } from 'zod';
import { type EventMap, type EventName } from '../../../src-shared/contract';
import { ENTITIES } from '../../../src-shared/entities';
import { errorCodes } from '../../../src-shared/errors';
import type { ImportProgress } from '../../../src-shared/imports';
import type { DispatchResult } from '../api/dispatch';
import type { CorePaths } from '../deps';
import type { CoreOptions } from '../index';

const pathsSchema = z.looseObject({ resourcesDir: z.string(), configDir: z.string(), workspaceDir: z.string() }) satisfies z.ZodType<CorePaths>;

/** What the parent tells the core process to build (createCore's options that survive a copy). */
export interface CoreProcessOptions {
  paths: CorePaths;
  shell: CoreOptions['shell'];
  rememberRecent?: boolean;
  /** Log to stderr (default) or not at all (tests). */
  silent?: boolean;
}

const coreProcessOptionsSchema = z.looseObject({
  paths: pathsSchema,
  shell: z.enum(['electron', 'host']),
  rememberRecent: z.boolean().optional(),
  silent: z.boolean().optional(),
}) satisfies z.ZodType<CoreProcessOptions>;

export type DesktopAction = 'open' | 'reveal';

const desktopActionSchema = z.enum(['open', 'reveal']) satisfies z.ZodType<DesktopAction>;

/** Parent → core process. */
export type ToCore =
  | { type: 'init'; options: CoreProcessOptions }
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'desktopDone'; id: number; ok: boolean }
  | { type: 'dispose' };

/** What the core process reads a message from its parent with. */
export const toCoreSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('init'), options: coreProcessOptionsSchema }),
  z.looseObject({ type: z.literal('call'), id: z.number(), method: z.string(), input: z.unknown() }),
  z.looseObject({ type: z.literal('desktopDone'), id: z.number(), ok: z.boolean() }),
  z.looseObject({ type: z.literal('dispose') }),
]) satisfies z.ZodType<ToCore>;

const warningSchema = z.looseObject({ code: z.string(), message: z.string(), locator: z.string().optional() });

const importProgressSchema = z.looseObject({
  files: z.looseObject({ done: z.number(), total: z.number() }),
  current: z.string().nullable(),
  step: z.looseObject({ unit: z.enum(['rows', 'pages']), done: z.number(), total: z.number() }).nullable(),
  fraction: z.number(),
  etaSeconds: z.number().nullable(),
  finished: z
    .looseObject({
      path: z.string(),
      status: z.enum(['imported', 'unchanged', 'rejected', 'ready', 'skipped', 'cancelled']),
      responses: z.number(),
      warnings: z.number(),
      firstWarnings: z.array(warningSchema),
      message: z.string().optional(),
      locator: z.string().optional(),
    })
    .optional(),
}) satisfies z.ZodType<ImportProgress>;

/** One payload schema per event of the contract's EventMap. */
const eventPayloadSchemas = {
  'project.changed': z.looseObject({ path: z.string().nullable() }),
  'data.changed': z.looseObject({ entities: z.array(z.enum(ENTITIES)) }),
  progress: z.looseObject({ task: z.string(), done: z.number(), total: z.number(), message: z.string().optional(), import: importProgressSchema.optional() }),
} satisfies { [E in EventName]: z.ZodType<EventMap[E]> };

const eventMessageSchema = z.discriminatedUnion('name', [
  z.looseObject({ type: z.literal('event'), name: z.literal('project.changed'), payload: eventPayloadSchemas['project.changed'] }),
  z.looseObject({ type: z.literal('event'), name: z.literal('data.changed'), payload: eventPayloadSchemas['data.changed'] }),
  z.looseObject({ type: z.literal('event'), name: z.literal('progress'), payload: eventPayloadSchemas.progress }),
]);

const dispatchResultSchema = z.discriminatedUnion('ok', [
  z.looseObject({ ok: z.literal(true), result: z.unknown() }),
  z.looseObject({ ok: z.literal(false), error: z.looseObject({ code: z.enum(errorCodes), message: z.string() }) }),
]);

/** Core process → parent. */
export type FromCore =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; outcome: DispatchResult }
  | { type: 'event'; name: EventName; payload: EventMap[EventName] }
  | { type: 'desktop'; id: number; action: DesktopAction; path: string }
  | { type: 'disposed' };

/** What the parent reads a message from the core process with. */
export const fromCoreSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('ready') }),
  z.looseObject({ type: z.literal('failed'), message: z.string() }),
  z.looseObject({ type: z.literal('reply'), id: z.number(), outcome: dispatchResultSchema }),
  eventMessageSchema,
  z.looseObject({ type: z.literal('desktop'), id: z.number(), action: desktopActionSchema, path: z.string() }),
  z.looseObject({ type: z.literal('disposed') }),
]) satisfies z.ZodType<FromCore>;
