// Kept for charts-for-report until it reads the registry: an indicator's label is in its
// entry of src/indicators/registry.ts.
export { indicatorLabel } from '../indicators/registry.ts';
