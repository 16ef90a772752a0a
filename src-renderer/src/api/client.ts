// The UI's one way to reach the core: the preload's bridge inside Electron,
// the HTTP bridge in a browser.
import { createClient } from '../../../src-shared/client';
import type { InnspillBridge } from '../../../src-shared/contract';
import { createHttpBridge } from './httpBridge';

declare global {
  interface Window {
    innspill?: InnspillBridge;
  }
}

export const api = createClient(window.innspill ?? createHttpBridge());
