// The catalogue's words for answers that must not be stale or empty (see message.ts):
// models older than the data, a review term without registrations.
import { problem, text } from './message.ts';

export const freshnessMessages = {
  /** Said, in one line, before decide, report or run build the models again. */
  rebuilding: () =>
    text(
      'Data was loaded after the models were last built: building them again first.',
      'Data har lästs in sedan modellerna byggdes senast: bygger om dem först.',
    ),
  /** decide or report --no-build on models older than the data. */
  staleNoBuild: () =>
    problem(
      text(
        'data was loaded after the models were last built, so the answer would be out of date',
        'data har lästs in sedan modellerna byggdes senast, så svaret skulle vara inaktuellt',
      ),
      text(
        'run  larsam build  first, or leave out --no-build',
        'kör  larsam build  först, eller utelämna --no-build',
      ),
    ),
  /** `larsam query` on a model older than the data (a warning on stderr, not an error). */
  staleQuery: () =>
    text(
      'the models are older than the data loaded since: run  larsam build  to bring them up to date',
      'modellerna är äldre än data som lästs in sedan dess: kör  larsam build  för att uppdatera dem',
    ),
  /** The state `larsam status` shows. */
  stateNotBuilt: () =>
    text('not built yet (run larsam build)', 'inte byggda än (kör larsam build)'),
  stateStale: () =>
    text(
      'stale: data was loaded after the last build (run larsam build)',
      'inaktuella: data har lästs in efter senaste bygget (kör larsam build)',
    ),
  stateBuilt: () => text('built', 'byggda'),
  /** A well-written review term that has no registrations; `terms` as "VT2022–HT2025, VT2027". */
  termWithoutRegistrations: (term: string, terms: string) =>
    problem(
      text(
        `${term} has no registrations; terms with data: ${terms}`,
        `${term} har inga registreringar; terminer med data: ${terms}`,
      ),
      text(
        'give one of those terms with --term (or as review_term in the pipeline), or load the registrations of the term first',
        'ange en av de terminerna med --term (eller som review_term i pipelinen), eller läs först in terminens registreringar',
      ),
    ),
};
