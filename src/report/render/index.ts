// Rendering of the report's charts: SVG (headless Vega), PNG (resvg), compiled Vega.
export { renderSvg, renderSvgWithWarnings, type RenderedSvg } from './render-svg.ts';
export { renderPng, renderPngAsync, PNG_SCALE } from './render-png.ts';
export { compileToVega, compileWithWarnings, type Compiled } from './compile.ts';
