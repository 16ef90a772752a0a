// The UI's one way to reach the core: the preload's bridge inside Electron,
// the HTTP bridge in a browser.
import { createClient } from '../../../src-shared/client';
import type { InnspillBridge } from '../../../src-shared/contract';
import { ApiError, isApiErrorBody } from '../../../src-shared/errors';
import { createHttpBridge } from './httpBridge';

declare global {
  interface Window {
    innspill?: InnspillBridge;
  }
}

/**
 * contextBridge keeps only the message of a thrown Error, so the preload
 * rejects with a plain { code, message }; turn it back into an ApiError here.
 */
function withApiErrors(bridge: InnspillBridge): InnspillBridge {
  return {
    invoke: ((method, input) =>
      bridge.invoke(method, input).catch((e: unknown) => {
        throw isApiErrorBody(e) ? new ApiError(e.code, e.message) : e;
      })) as InnspillBridge['invoke'],
    on: bridge.on,
  };
}

export const api = createClient(window.innspill ? withApiErrors(window.innspill) : createHttpBridge());
