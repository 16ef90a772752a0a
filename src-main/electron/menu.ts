// The Norwegian application menu. Labels are given explicitly because
// Electron's built-in role labels are English on Windows and Linux.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  closeProject(): void;
  about(): void;
}

export function buildMenu(actions: MenuActions, options: { dev: boolean }): Menu {
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'Fil',
      submenu: [
        { label: 'Nytt prosjekt…', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
        { label: 'Åpne prosjekt…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
        { label: 'Lukk prosjekt', click: () => actions.closeProject() },
        { type: 'separator' },
        mac ? { role: 'close', label: 'Lukk vindu' } : { role: 'quit', label: 'Avslutt' },
      ],
    },
    {
      label: 'Rediger',
      submenu: [
        { role: 'undo', label: 'Angre' },
        { role: 'redo', label: 'Gjør om' },
        { type: 'separator' },
        { role: 'cut', label: 'Klipp ut' },
        { role: 'copy', label: 'Kopier' },
        { role: 'paste', label: 'Lim inn' },
        { role: 'selectAll', label: 'Merk alt' },
      ],
    },
    {
      label: 'Vis',
      submenu: [
        // Reloading loses unsaved page state, so it is a developer tool only.
        ...(options.dev
          ? ([
              { role: 'reload', label: 'Last inn på nytt' },
              { role: 'toggleDevTools', label: 'Utviklerverktøy' },
              { type: 'separator' },
            ] as MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: 'Faktisk størrelse' },
        { role: 'zoomIn', label: 'Zoom inn' },
        { role: 'zoomOut', label: 'Zoom ut' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Fullskjerm' },
      ],
    },
    {
      label: 'Hjelp',
      role: 'help',
      submenu: [{ label: 'Om Innspill', click: () => actions.about() }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
