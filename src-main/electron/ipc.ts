// The IPC layer: one invoke channel into the core process's dispatch, one
// event channel out. Every message's sender is checked before anything else
// happens; only validated calls reach the core.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { CoreLink } from '../core/process/client';
import {
  EVENT_CHANNEL,
  FORBIDDEN,
  INVOKE_CHANNEL,
  isTrustedSender,
  parseInvoke,
  type AppOrigin,
} from './policy';

function senderIsTrusted(event: IpcMainInvokeEvent, win: BrowserWindow | null, origin: AppOrigin): boolean {
  const alive = win && !win.isDestroyed() ? win : null;
  const frame = event.senderFrame; // null once the frame navigated or died
  return isTrustedSender(
    {
      senderId: event.sender.id,
      windowId: alive ? alive.webContents.id : null,
      frame: frame ? { url: frame.url, token: frame.frameToken, isTop: frame.parent === null } : null,
      mainFrameToken: alive ? alive.webContents.mainFrame.frameToken : null,
    },
    origin,
  );
}

/** Wires the core to the window; returns a function that unwires it. */
export function registerIpc(core: CoreLink, getWindow: () => BrowserWindow | null, origin: AppOrigin): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!senderIsTrusted(event, getWindow(), origin)) return { ok: false, error: FORBIDDEN };
    const request = parseInvoke(method, input);
    if (!request.ok) return request;
    return core.dispatch(request.method, request.input);
  });

  const unsubscribe = core.subscribe((name, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
  });

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
