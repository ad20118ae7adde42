// The page's optional live layer. Every chart is in the page as a static SVG, so the
// report reads and prints without JavaScript. On top of that the page carries the Vega
// runtime (vega.min.js from node_modules, inlined once) and each chart's compiled Vega
// spec as JSON next to its figure; a small inline script then draws each chart again as
// a live Vega view (SVG, same size) that shows a tooltip on hover. vega-lite is not
// needed in the page. Whatever fails, the static SVG of that chart stays.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RenderedChart } from './figure.ts';
import { scriptSafe } from './script-text.ts';

let runtime: string | null = null;

/** vega.min.js of the installed vega (the one the specs were compiled for), made safe for a <script> element. */
export function vegaRuntime(): string {
  if (runtime === null) {
    // The package's exports name its module build only; the UMD build lies beside it.
    const moduleBuild = createRequire(import.meta.url).resolve('vega');
    runtime = scriptSafe(readFileSync(join(dirname(moduleBuild), 'vega.min.js'), 'utf8').trim());
  }
  return runtime;
}

/**
 * Runs once the page is parsed. For each figure with a spec: parse it, draw a live view
 * into a new element, and put that in the place of the static SVG only when it is drawn
 * without an error. The container keeps role="img" and the text alternative; Vega's own
 * role and label on the new element are removed so the chart is announced once. The
 * default tooltip handler writes the hovered mark's tooltip to the title of the new
 * element. Nothing is logged: a chart that cannot be drawn stays static.
 */
const ENHANCE = `(function () {
  'use strict';
  var vega = window.vega;
  if (window.performance && performance.mark) performance.mark('vega-runtime');
  if (!vega || typeof vega.View !== 'function' || typeof Promise !== 'function') return;
  function quietLogger(state) {
    var level = 0;
    var logger = {
      level: function (value) { if (arguments.length) { level = value; return logger; } return level; },
      error: function () { state.failed = true; return logger; },
      warn: function () { return logger; },
      info: function () { return logger; },
      debug: function () { return logger; }
    };
    return logger;
  }
  function drop(view) {
    try { if (view) view.finalize(); } catch (e) { /* the static chart stays */ }
    return false;
  }
  function enhance(figure) {
    var view = null;
    try {
      var source = figure.querySelector('script[type="application/json"]');
      var container = figure.querySelector('.chart-view');
      var still = container && container.querySelector('svg');
      if (!source || !still) return Promise.resolve(false);
      var state = { failed: false };
      view = new vega.View(vega.parse(JSON.parse(source.textContent)), { renderer: 'svg', hover: true, logger: quietLogger(state) });
      var live = document.createElement('div');
      live.className = 'chart-live';
      view.initialize(live);
      return view.runAsync().then(function () {
        var svg = live.querySelector('svg');
        if (state.failed || !svg || !svg.querySelector('path, text')) return drop(view);
        // Vega sets the SVG on the bottom line; the static one sits on the text baseline. Keep the page from moving.
        svg.style.removeProperty('vertical-align');
        // Like the static SVG: the container's text alternative is read, not Vega's marks one by one.
        svg.setAttribute('aria-hidden', 'true');
        svg.setAttribute('focusable', 'false');
        live.removeAttribute('role');
        live.removeAttribute('aria-roledescription');
        live.removeAttribute('aria-label');
        container.replaceChild(live, still);
        container.setAttribute('data-chart', 'live');
        return true;
      }, function () { return drop(view); });
    } catch (e) {
      return Promise.resolve(drop(view));
    }
  }
  // One chart a task, so the page answers input between charts.
  function run() {
    var figures = Array.prototype.slice.call(document.querySelectorAll('figure.chart'));
    var live = 0;
    var index = 0;
    function next() {
      if (index < figures.length) {
        enhance(figures[index++]).then(function (drawn) {
          if (drawn) live++;
          setTimeout(next, 0);
        });
        return;
      }
      document.documentElement.setAttribute('data-charts', live + '/' + figures.length);
      if (window.performance && performance.mark) performance.mark('charts-live');
    }
    next();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();`;

/** The Vega runtime and the enhancing script, or nothing when no chart has a spec. */
export function interactiveScripts(charts: Map<string, RenderedChart>): string {
  if (![...charts.values()].some((chart) => chart.vega !== undefined)) return '';
  return `<script>${vegaRuntime()}</script>\n<script>${scriptSafe(ENHANCE)}</script>\n`;
}
