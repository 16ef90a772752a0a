// Electron entry point: app lifecycle only. It starts the core process with
// this machine's folders, hardens the session, wires IPC and opens the window.
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { stoppedMessage, type CoreLink } from '../core/process/client';
import { findResourcesDir } from '../core/reference/load';
import { startCoreProcess } from './core';
import { aboutDialog, closeProject, newProjectDialog, openProjectDialog } from './dialogs';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { parseDevServerUrl, type AppOrigin } from './policy';
import { hardenAllWebContents, hardenSession } from './security';
import { createMainWindow } from './window';

// Built layout: out/main/index.js next to out/preload and out/renderer.
const dev = !app.isPackaged;
const origin: AppOrigin = {
  rendererDir: path.join(__dirname, '../renderer'),
  // Only an unpackaged app may follow electron-vite's dev server.
  devServerOrigin: dev ? parseDevServerUrl(process.env.ELECTRON_RENDERER_URL) : null,
};

let core: CoreLink | null = null;
let mainWindow: BrowserWindow | null = null;
let resourcesDir = '';

function openWindow(): void {
  mainWindow = createMainWindow({
    origin,
    preloadPath: path.join(__dirname, '../preload/index.js'),
    iconPath: path.join(resourcesDir, 'icon.png'),
  });
  mainWindow.on('closed', () => (mainWindow = null));
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, origin);

  const workspaceDir = path.join(app.getPath('documents'), 'Innspill');
  try {
    // Packaged: extraResources puts resources/ beside app.asar; dev: the repo's resources/.
    resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : findResourcesDir(__dirname);
    // Built layout: out/main/core.js beside this file (electron.vite.config.ts).
    core = await startCoreProcess(path.join(__dirname, 'core.js'), {
      paths: { resourcesDir, configDir: app.getPath('userData'), workspaceDir },
      shell: 'electron',
    });
  } catch (e) {
    // Typically damaged reference data: say so instead of showing a blank window.
    dialog.showErrorBox('Innspill kunne ikke starte', (e as Error).message);
    app.exit(1);
    return;
  }
  const c = core;
  // No restart: the open project's session died with the process, and the
  // same input could kill it again. Say so and quit; the file is intact
  // (SQLite rolls back an unfinished transaction).
  c.onCrash((code) => {
    core = null;
    dialog.showErrorBox('Innspill', stoppedMessage(code));
    app.exit(1);
  });
  registerIpc(c, () => mainWindow, origin);

  // Menu actions need a window; they are no-ops while none is open.
  const withWindow = (fn: (win: BrowserWindow) => Promise<void>) => () => {
    if (mainWindow) void fn(mainWindow);
  };
  Menu.setApplicationMenu(
    buildMenu(
      {
        newProject: withWindow((win) => newProjectDialog(win, c, workspaceDir)),
        openProject: withWindow((win) => openProjectDialog(win, c, workspaceDir)),
        closeProject: () => void closeProject(c),
        about: withWindow((win) => aboutDialog(win)),
      },
      { dev },
    ),
  );

  openWindow();
  // macOS keeps the app alive without windows; the dock icon reopens one.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second launch only focuses the first instance (one project store per user).
  app.quit();
} else {
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId('no.regjeringen.innspill');
  hardenAllWebContents(app, origin);

  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Close the open project (flushes SQLite) before the process ends.
  app.on('will-quit', (event) => {
    if (!core) return;
    const closing = core;
    core = null;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });

  start().catch((e: unknown) => {
    dialog.showErrorBox('Innspill kunne ikke starte', (e as Error)?.stack ?? String(e));
    app.exit(1);
  });
}
