// SVG → PNG at twice the size on white, for Word and PowerPoint. resvg gets the DejaVu
// font files explicitly and loads no system fonts, so the PNG is the same on every machine.
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, fontFileList } from './fonts.ts';

export const PNG_SCALE = 2;

export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    background: 'white',
    font: {
      loadSystemFonts: false,
      fontFiles: fontFileList(),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    logLevel: 'off',
  });
  return resvg.render().asPng();
}
