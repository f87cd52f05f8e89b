import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDF_FONTS from './pdf-fonts.json' with { type: 'json' };

/**
 * The font faces every PDF embeds (subset to the glyphs it uses): Noto Sans for Latin, Greek and
 * Cyrillic, Noto Sans Hebrew, Noto Naskh Arabic, Noto Sans SC (Chinese and Japanese), Noto Sans KR
 * (Hangul) and Noto Emoji (monochrome). Noto Naskh rather than Noto Sans Arabic: the latter builds
 * letters from shared skeleton and dot glyphs, so a PDF reader maps "ي" back to "ت".
 *
 * The files come from npm packages (dev dependencies). The build copies the faces listed in
 * pdf-fonts.json into `dist/fonts/` (build/build-node.mjs); from the sources they are read in node_modules.
 */
export type FontFamily = 'latin' | 'hebrew' | 'arabic' | 'cjk' | 'korean' | 'emoji';

export interface FontFace {
  family: FontFamily;
  bold: boolean;
  /** Package and path inside it. */
  pkg: string;
  file: string;
}

/** Listed in pdf-fonts.json, which build/build-node.mjs reads too. */
export const FONT_FACES: readonly FontFace[] = PDF_FONTS as FontFace[];

/** The name a face has in dist/fonts/. */
export const distFontName = (face: FontFace) => path.basename(face.file);

function hereDir(): string {
  const url = (import.meta as { url?: string }).url;
  if (url) return path.dirname(fileURLToPath(url));
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

/** dist/fonts beside a bundle (dist/launcher, dist/electron), else the package in node_modules. */
export function fontPath(face: FontFace, from = hereDir()): string {
  const bundled = [path.join(from, '..', 'fonts', distFontName(face)), path.join(from, 'fonts', distFontName(face))];
  for (const file of bundled) if (fs.existsSync(file)) return file;
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', face.pkg, face.file);
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`PDF font ${face.pkg}/${face.file} not found (looked in dist/fonts and node_modules from ${from})`);
}

const cache = new Map<FontFace, Uint8Array>();

/** The face's bytes, read once per process. */
export function fontBytes(face: FontFace): Uint8Array {
  let bytes = cache.get(face);
  if (!bytes) {
    bytes = fs.readFileSync(fontPath(face));
    cache.set(face, bytes);
  }
  return bytes;
}
