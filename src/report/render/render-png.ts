// SVG → PNG at twice the size on white, for Word and PowerPoint. resvg gets the DejaVu
// font files explicitly and loads no system fonts, so the PNG is the same on every machine.
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY, fontFileList } from './fonts.ts';

export const PNG_SCALE = 2;

function options(): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    background: 'white',
    font: {
      loadSystemFonts: false,
      fontFiles: fontFileList(),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    logLevel: 'off',
  };
}

export function renderPng(svg: string): Buffer {
  return new Resvg(svg, options()).render().asPng();
}

/**
 * The same PNG, drawn on a thread of libuv's pool: the report draws its charts' PNGs
 * side by side, and beside the next chart's SVG, instead of one after the other.
 */
export async function renderPngAsync(svg: string): Promise<Buffer> {
  return (await renderAsync(svg, options())).asPng();
}
