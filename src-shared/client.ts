// A typed client generated from the contract: `api.project.open({ path })`
// becomes `bridge.invoke('project.open', { path })`. The UI only talks to the
// core through this.
import type { EventMap, EventName, InnspillBridge, MethodInput, MethodName, MethodResult } from './contract';

type SplitDomain<M extends string> = M extends `${infer D}.${string}` ? D : never;
type VerbsOf<D extends string> = {
  [M in MethodName as M extends `${D}.${infer V}` ? V : never]: (
    ...args: Record<string, never> extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>]
  ) => Promise<MethodResult<M>>;
};

export type ApiClient = {
  [D in SplitDomain<MethodName>]: VerbsOf<D>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
};

export function createClient(bridge: InnspillBridge): ApiClient {
  const domains = new Map<string, object>();
  return new Proxy({} as ApiClient, {
    get(_target, domain: string) {
      if (domain === 'on') return bridge.on.bind(bridge);
      let verbs = domains.get(domain);
      if (!verbs) {
        verbs = new Proxy(
          {},
          {
            get(_t, verb: string) {
              return (input: unknown = {}) =>
                bridge.invoke(`${domain}.${verb}` as MethodName, input as never);
            },
          },
        );
        domains.set(domain, verbs);
      }
      return verbs;
    },
  });
}
