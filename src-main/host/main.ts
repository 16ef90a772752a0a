// Starts the local host: `tsx src-main/host/main.ts [--port N] [--projects-dir D]
// [--open FILE]`. Prints the URL (with the session token) to open in a browser.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { platformDesktop } from '../core/platform/opener';
import { defaultConfigDir, defaultWorkspaceDir } from '../core/paths';
import { stoppedMessage } from '../core/process/client';
import { forkCore } from '../core/process/fork';
import { findResourcesDir } from '../core/reference/load';
import { startHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'projects-dir': { type: 'string' },
      'config-dir': { type: 'string' },
      open: { type: 'string' },
    },
  });
  const resourcesDir = findResourcesDir(__dirname);
  const staticDir = path.join(path.dirname(resourcesDir), 'out', 'renderer');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`The UI is not built (${staticDir} is missing): run "npm run build" first.`);
  }
  const workspaceDir = path.resolve(values['projects-dir'] ?? defaultWorkspaceDir());
  mkdirSync(workspaceDir, { recursive: true });
  // The core runs in a child process, so a long import never holds up the
  // server's other replies; it opens exported files through us.
  const core = await forkCore(
    { paths: { resourcesDir, configDir: values['config-dir'] ?? defaultConfigDir(), workspaceDir }, shell: 'host' },
    platformDesktop(),
  );
  core.onCrash((code) => {
    process.stderr.write(`innspill-host: ${stoppedMessage(code)}\n`);
    process.exit(1);
  });
  if (values.open) {
    const opened = await core.dispatch('project.open', { path: path.resolve(values.open) });
    if (!opened.ok) throw new Error(opened.error.message);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${values.port}`);
  const host = await startHost({ core, staticDir, port });
  process.stdout.write(`Innspill kjører på ${host.openUrl}\n`);
  process.stdout.write(`Prosjektmappe: ${workspaceDir}. Stopp med Ctrl+C.\n`);
  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: Error) => {
  process.stderr.write(`innspill-host: ${e.message}\n`);
  process.exit(1);
});
