// A two-sided confidence interval, shared by the interval methods in this folder.
export interface Interval {
  low: number;
  high: number;
}
