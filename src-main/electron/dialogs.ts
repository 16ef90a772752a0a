// Native file dialogs behind the Fil menu. They call the core directly with
// the chosen path, like the renderer would; the core's 'project.changed'
// event then tells the page to reload. No contract change is needed.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { CoreLink } from '../core/process/client';
import type { DispatchResult } from '../core/api/dispatch';

const projectFilter = { name: 'Innspill-prosjekt', extensions: ['innspill'] };

function reportFailure(result: DispatchResult): void {
  if (!result.ok) dialog.showErrorBox('Innspill', result.error.message);
}

export async function newProjectDialog(win: BrowserWindow, core: CoreLink, workspaceDir: string): Promise<void> {
  mkdirSync(workspaceDir, { recursive: true });
  const choice = await dialog.showSaveDialog(win, {
    title: 'Nytt prosjekt',
    defaultPath: path.join(workspaceDir, 'Nytt prosjekt.innspill'),
    buttonLabel: 'Opprett',
    filters: [projectFilter],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return;
  reportFailure(await core.dispatch('project.create', { path: choice.filePath }));
}

export async function openProjectDialog(win: BrowserWindow, core: CoreLink, workspaceDir: string): Promise<void> {
  const choice = await dialog.showOpenDialog(win, {
    title: 'Åpne prosjekt',
    defaultPath: workspaceDir,
    buttonLabel: 'Åpne',
    filters: [projectFilter],
    properties: ['openFile'],
  });
  const file = choice.filePaths[0];
  if (choice.canceled || !file) return;
  reportFailure(await core.dispatch('project.open', { path: file }));
}

export async function closeProject(core: CoreLink): Promise<void> {
  reportFailure(await core.dispatch('project.close', {}));
}

export async function aboutDialog(win: BrowserWindow): Promise<void> {
  await dialog.showMessageBox(win, {
    type: 'info',
    title: 'Om Innspill',
    message: `Innspill ${app.getVersion()}`,
    detail:
      'Behandling av skriftlige høringsinnspill.\n' +
      'Alle data lagres lokalt på denne maskinen; programmet bruker ikke nettverket.\n\n' +
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    buttons: ['OK'],
  });
}
