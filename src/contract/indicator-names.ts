// Kept for charts-for-report until it reads the registry: the names are in
// src/indicators/registry.ts, one entry per indicator.
export { SHARE_INDICATORS } from '../indicators/registry.ts';
