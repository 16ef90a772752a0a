// The shape of the handler table and of each domain's part of it, apart from
// the table itself so that domain handler files never import index.ts.
import type { MethodName, MethodResult, ParsedInput } from '../../../../src-shared/contract';

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodResult<M>>;
};

/** The handlers of one domain ("import" → import.preview, import.run, …). */
export type DomainHandlers<D extends string> = {
  [M in MethodName as M extends `${D}.${string}` ? M : never]: Handlers[M];
};

export interface ShellInfo {
  shell: 'electron' | 'host';
}
