// SVG → PNG with resvg (native, offline). Only the fonts shipped in
// resources/fonts are loaded — never the system's — so a chart looks the
// same, byte for byte, on every machine.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { ApiError } from '../../../../src-shared/errors';

export interface Png {
  data: Buffer;
  /** Size in CSS pixels (the SVG's own size); the bitmap is `scale` times larger. */
  width: number;
  height: number;
}

const fontFilesCache = new Map<string, string[]>();

export function fontFiles(fontsDir: string): string[] {
  let files = fontFilesCache.get(fontsDir);
  if (!files) {
    try {
      files = readdirSync(fontsDir)
        .filter((f) => /\.(ttf|otf)$/i.test(f))
        .sort()
        .map((f) => path.join(fontsDir, f));
    } catch {
      files = [];
    }
    if (files.length === 0) throw new ApiError('INTERNAL', `No chart fonts found in ${fontsDir}; the installation is incomplete`);
    fontFilesCache.set(fontsDir, files);
  }
  return files;
}

function renderOptions(fontsDir: string, scale: number): ResvgRenderOptions {
  return {
    font: { loadSystemFonts: false, fontFiles: fontFiles(fontsDir), defaultFontFamily: 'Inter', sansSerifFamily: 'Inter' },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    logLevel: 'off',
  };
}

/** Renders an SVG document at `scale` × its size (2: sharp when printed), off the main thread (libuv's pool), so several figures render at once. */
export async function rasteriseAsync(svg: string, fontsDir: string, scale = 2): Promise<Png> {
  const image = await renderAsync(svg, renderOptions(fontsDir, scale));
  return { data: image.asPng(), width: image.width / scale, height: image.height / scale };
}
