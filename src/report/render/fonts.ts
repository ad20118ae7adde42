// The font files charts are measured and drawn with: DejaVu Sans, from Debian's
// fonts-dejavu-core. Nothing else is loaded, so output does not depend on the fonts a
// machine happens to have. LARSAM_FONT_DIR points elsewhere when the files live elsewhere.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const FONT_FAMILY = 'DejaVu Sans';
const DEFAULT_DIR = '/usr/share/fonts/truetype/dejavu';

export interface FontFiles {
  regular: string;
  bold: string;
  oblique: string;
  boldOblique: string;
}

export function fontDir(): string {
  return process.env.LARSAM_FONT_DIR || DEFAULT_DIR;
}

export function fontFiles(): FontFiles {
  const dir = fontDir();
  const files: FontFiles = {
    regular: join(dir, 'DejaVuSans.ttf'),
    bold: join(dir, 'DejaVuSans-Bold.ttf'),
    oblique: join(dir, 'DejaVuSans-Oblique.ttf'),
    boldOblique: join(dir, 'DejaVuSans-BoldOblique.ttf'),
  };
  for (const file of [files.regular, files.bold]) {
    if (!existsSync(file)) {
      throw new Error(
        `Chart font not found: ${file}. Install DejaVu Sans (Debian/Ubuntu: apt-get install fonts-dejavu-core) or set LARSAM_FONT_DIR to the folder that holds DejaVuSans.ttf and DejaVuSans-Bold.ttf.`,
      );
    }
  }
  return files;
}

/** The files resvg loads: the ones present of the four. */
export function fontFileList(): string[] {
  const files = fontFiles();
  return [files.regular, files.bold, files.oblique, files.boldOblique].filter((file) =>
    existsSync(file),
  );
}
