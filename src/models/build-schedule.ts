// When, during a build, each data test runs and each row-level model's table is dropped:
// a test runs right after the last model it reads is built (before the first model when
// it reads none), and a row-level model (materialized: view, published as a view, not
// copied) is dropped from the build catalog as soon as every model and test that reads
// it is done, so that at 10 million registrations they do not all sit in memory at once.
import type { DataTest } from './data-tests.ts';
import { namesReadBy, type ModelFile } from './model-files.ts';

export interface BuildStep {
  model: ModelFile;
  /** Data tests whose inputs are complete once this model is built. */
  tests: DataTest[];
  /** Row-level models no later step reads. */
  drop: string[];
}

export interface BuildSchedule {
  /** Data tests that read no model. */
  testsFirst: DataTest[];
  steps: BuildStep[];
}

export function buildSchedule(order: ModelFile[], tests: DataTest[]): BuildSchedule {
  const position = new Map(order.map((model, index) => [model.name, index]));
  const names = order.map((model) => model.name);
  // the step after which each test runs (-1: before the first)
  const testReads = tests.map((test) => namesReadBy(test.sql, names));
  const testStep = testReads.map((reads) => Math.max(-1, ...reads.map((name) => position.get(name)!)));
  const lastUse = new Map(order.map((model, index) => [model.name, index]));
  const used = (name: string, step: number) => lastUse.set(name, Math.max(lastUse.get(name)!, step));
  order.forEach((model, index) => model.dependsOn.forEach((name) => used(name, index)));
  testReads.forEach((reads, t) => reads.forEach((name) => used(name, testStep[t]!)));
  return {
    testsFirst: tests.filter((_, t) => testStep[t] === -1),
    steps: order.map((model, index) => ({
      model,
      tests: tests.filter((_, t) => testStep[t] === index),
      drop: order.filter((m) => m.materialized === 'view' && lastUse.get(m.name) === index).map((m) => m.name),
    })),
  };
}
