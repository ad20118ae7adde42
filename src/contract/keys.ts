// Keys that must be unique within a kind. A second row with the same key in one file is
// rejected (it names the line of the first); registrations are different: their
// duplicate keys are kept at ingest and resolved (one row kept, reported) by the models.
import type { Kind } from './kinds.ts';

export const UNIQUE_KEYS: Partial<Record<Kind, readonly string[]>> = {
  municipalities: ['municipality_code'],
  population: ['municipality_code', 'year', 'age_from'],
  learning_centres: ['centre_id'],
  needs: ['need_id'],
  activities: ['activity_id'],
  activity_goals: ['activity_id', 'goal_id'],
};
