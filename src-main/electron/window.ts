// The one application window: sandboxed, isolated, no Node in the page.
import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { AppOrigin } from './policy';

export interface WindowOptions {
  origin: AppOrigin;
  preloadPath: string;
  /** Window icon for Linux (Windows and macOS take it from the package). */
  iconPath?: string;
}

export function createMainWindow({ origin, preloadPath, iconPath }: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 600,
    show: false, // shown on ready-to-show to avoid a white flash
    title: 'Innspill',
    backgroundColor: '#ffffff',
    icon: process.platform === 'linux' ? iconPath : undefined,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());

  if (origin.devServerOrigin) {
    void win.loadURL(process.env.ELECTRON_RENDERER_URL ?? origin.devServerOrigin);
  } else {
    void win.loadFile(path.join(origin.rendererDir, 'index.html'));
  }
  return win;
}
