// The messages about indicators as such: the errors of `larsam explain`.
import { type Problem, problem, text } from './message.ts';

/** An indicator name that is not in the registry; `names` are the registry's. */
export const noSuchIndicator = (name: string, names: readonly string[]): Problem =>
  problem(
    text(`there is no indicator called '${name}'`, `det finns ingen indikator som heter '${name}'`),
    text(`use one of: ${names.join(', ')}`, `använd en av: ${names.join(', ')}`),
  );

/**
 * The registry names a model that larsam's SQL folder lacks: every model the registry
 * names ships with larsam (test/indicators/registry.test.ts), so the installation is
 * incomplete or has been edited.
 */
export const indicatorModelMissing = (indicator: string, model: string): Problem =>
  problem(
    text(
      `the model ${model} that computes ${indicator} is not among larsam's SQL models`,
      `modellen ${model} som beräknar ${indicator} finns inte bland larsams SQL-modeller`,
    ),
    text(
      `the installation is incomplete: restore sql/ (or install larsam again), which holds every model the indicator registry names`,
      `installationen är ofullständig: återställ sql/ (eller installera larsam igen), där varje modell som indikatorregistret nämner finns`,
    ),
  );
