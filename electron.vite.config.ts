// electron-vite: builds the main process, the preload and the renderer into
// out/{main,preload,renderer}. package.json "main" points at out/main/index.js.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { buildCsp } from './src-main/electron/policy';

const root = __dirname;

/**
 * One CSP, defined in policy.ts. A file:// page gets no response headers, so
 * the built index.html carries it as a <meta> tag (replacing any there). In
 * development the tag is dropped: the main process sends the dev variant as a
 * header, which also permits Vite's inline React refresh preamble and HMR.
 */
function contentSecurityPolicy(): Plugin {
  const metaRe = /\s*<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i;
  let serving = false;
  return {
    name: 'innspill-csp',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml(html) {
      const stripped = html.replace(metaRe, '');
      if (serving) return stripped;
      const tag = `\n    <meta http-equiv="Content-Security-Policy" content="${buildCsp()}" />`;
      // Right after <meta charset> (which must come first), else after <head>.
      const anchor = /<meta\s+charset=[^>]*>/i.test(stripped) ? /<meta\s+charset=[^>]*>/i : /<head>/i;
      return stripped.replace(anchor, (m) => m + tag);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Pure-JS dependencies are bundled (uuid is ESM-only, the output is CJS).
      // Kept external and loaded from node_modules at run time: better-sqlite3
      // and @resvg/resvg-js (native .node addons; resvg picks its platform
      // package at run time) and unpdf (ESM, finds pdf.js's files through
      // import.meta, which a CJS bundle cannot keep; it is imported dynamically),
      // tesseract.js (starts its worker thread from its own files beside it)
      // and @napi-rs/canvas (a native addon that draws scanned PDF pages for OCR).
      externalizeDeps: false,
      rolldownOptions: {
        // index: the Electron main process; core: the core process it forks
        // with utilityProcess (src-main/core/process/entry.ts).
        input: { index: resolve(root, 'src-main/electron/main.ts'), core: resolve(root, 'src-main/core/process/entry.ts') },
        external: ['better-sqlite3', 'unpdf', '@resvg/resvg-js', 'tesseract.js', '@napi-rs/canvas'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only 'electron' and a few built-ins,
      // so everything (the contract and zod) is bundled into one CJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
