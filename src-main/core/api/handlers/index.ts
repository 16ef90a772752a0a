// The one handler table that implements the contract, assembled from the
// domains' handlers. Every transport (IPC, HTTP host, tests) calls these
// through `dispatch`, never directly.
import type { Session } from '../session';
import { agreementHandlers } from './agreement';
import { analysisHandlers } from './analysis';
import { appHandlers } from './app';
import { backupHandlers } from './backup';
import { codingHandlers } from './coding';
import { exportHandlers } from './export';
import { exportMemoHandlers } from './export-memo';
import { exportTableHandlers } from './export-tables';
import { findingHandlers } from './findings';
import { importHandlers } from './import';
import { projectHandlers } from './project';
import { refiHandlers } from './refi';
import { registryHandlers } from './registry';
import { responseHandlers } from './responses';
import { searchHandlers } from './search';
import { suggestHandlers } from './suggest';
import { teamHandlers } from './team';
import type { Handlers, ShellInfo } from './types';

export type { DomainHandlers, Handlers, ShellInfo } from './types';

export function createHandlers(session: Session, shell: ShellInfo): Handlers {
  return {
    ...appHandlers(session, shell),
    ...projectHandlers(session),
    ...registryHandlers(session),
    ...importHandlers(session),
    ...responseHandlers(session),
    ...codingHandlers(session),
    ...findingHandlers(session),
    ...analysisHandlers(session),
    ...searchHandlers(session),
    ...suggestHandlers(session),
    ...exportHandlers(session),
    ...teamHandlers(session),
    ...agreementHandlers(session),
    ...exportMemoHandlers(session),
    ...exportTableHandlers(session),
    ...refiHandlers(session),
    ...backupHandlers(session),
  };
}
