// One zod schema per dataset kind of data-contract.md. Everything else (raw table DDL,
// ingest validation SQL, required-column checks) is derived from these.
import { z } from 'zod';
import { bool, date, decimal, int, muni, personId, term, text } from './column.ts';
import { indicatorNames } from '../indicators/registry.ts';

const OPERATORS = ['>=', '<='] as const;
/** A person attribute of a registration: `unknown` there counts as empty (indicators.md). */
const ATTRIBUTE = { unknownIsEmpty: true } as const;
const OPERATOR_SYNONYMS = { '≥': '>=', '=>': '>=', '≤': '<=', '=<': '<=' };

export const PARENTAL_EDUCATION = [
  'forgymnasial',
  'gymnasial_le2',
  'gymnasial_3',
  'eftergymnasial_lt3',
  'eftergymnasial_ge3',
  'forskarutbildning',
  'unknown',
] as const;

export const kindSchemas = {
  municipalities: z.object({
    municipality_code: muni(true, { unique: true }),
    name: text(true),
    county_code: text(false),
    area: text(false),
    in_region: bool(false, { defaultValue: 'true' }),
  }),
  population: z.object({
    municipality_code: muni(true),
    year: int(true, { min: 1900, max: 2200 }),
    population_20_64: int(true, { min: 0 }),
    // The ages the row counts (an SCB export of 20–44 in one file and 45–64 in another
    // gives two rows that add up); empty is all of 20–64.
    age_from: int(false, { min: 20, max: 64, defaultValue: '20' }),
    age_to: int(false, { min: 20, max: 64, defaultValue: '64' }),
  }),
  learning_centres: z.object({
    centre_id: text(true, { unique: true }),
    name: text(true, { freeText: true }),
    municipality_code: muni(true),
  }),
  registrations: z.object({
    person_id: personId(),
    term: term(true),
    course_code: text(true),
    course_offering: text(false, { defaultValue: '' }),
    program_code: text(false),
    credits: decimal(true, { min: 0, minExclusive: true, max: 90 }),
    first_time: bool(true),
    home_municipality: muni(false, ATTRIBUTE),
    centre_id: text(false, ATTRIBUTE),
    registration_date: date(false),
    distance: bool(false),
    birth_year: int(false, { min: 1900, max: 2200, ...ATTRIBUTE }),
    gender: text(false, { gender: true, ...ATTRIBUTE }),
    // `unknown` is one of its values (data-contract.md); stg_registrations reads it as empty.
    parental_education: text(false, { values: PARENTAL_EDUCATION }),
    foreign_background: bool(false, ATTRIBUTE),
  }),
  results: z.object({
    person_id: personId(),
    course_code: text(true),
    course_offering: text(false, { defaultValue: '' }),
    module_code: text(false),
    credits: decimal(true, { min: 0 }),
    grade: text(false),
    result_date: date(true),
    term: term(false),
  }),
  degrees: z.object({
    person_id: personId(),
    degree_date: date(true),
    degree_code: text(false),
  }),
  needs: z.object({
    need_id: text(true, { unique: true }),
    documented_on: date(true),
    source: text(true, { freeText: true }),
    description: text(true, { freeText: true }),
    centre_id: text(false),
    municipality_code: muni(false),
  }),
  activities: z.object({
    activity_id: text(true, { unique: true }),
    name: text(true, { freeText: true }),
    kind: text(true, { values: ['recruitment', 'throughput'] }),
    type: text(false),
    centre_id: text(false),
    municipality_code: muni(false),
    start_term: term(true),
    end_term: term(false),
    need_id: text(false),
    cost_sek: decimal(false, { min: 0 }),
  }),
  activity_goals: z.object({
    activity_id: text(true),
    goal_id: text(true),
    indicator: text(true, { values: indicatorNames('recruitment', 'throughput') }),
    operator: text(true, { values: OPERATORS, synonyms: OPERATOR_SYNONYMS }),
    target: decimal(true, { percent: true }),
    by_term: term(true),
  }),
  activity_sessions: z.object({
    activity_id: text(true),
    session_date: date(true),
    participants: int(true, { min: 0 }),
    hours: decimal(false, { min: 0 }),
  }),
  participations: z.object({
    activity_id: text(true),
    session_date: date(true),
    person_id: personId(),
  }),
  recruitment_targets: z.object({
    scope: text(true),
    indicator: text(true, { values: indicatorNames('area') }),
    operator: text(true, { values: OPERATORS, synonyms: OPERATOR_SYNONYMS }),
    target: decimal(true, { percent: true }),
    by_term: term(true),
  }),
} as const;

export type Kind = keyof typeof kindSchemas;
export const KINDS = Object.keys(kindSchemas) as Kind[];

export function isKind(name: string): name is Kind {
  return Object.hasOwn(kindSchemas, name);
}

export type KindRow<K extends Kind> = z.infer<(typeof kindSchemas)[K]>;
