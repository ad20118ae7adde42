import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Z95, inverseNormalCdf, normalCdf, zForConfidence } from '../../src/stats/normal.ts';

describe('zForConfidence', () => {
  it('gives the usual two-sided z values to 6 decimals', () => {
    expect(zForConfidence(0.95).toFixed(6)).toBe('1.959964');
    expect(zForConfidence(0.9).toFixed(6)).toBe('1.644854');
    expect(zForConfidence(0.99).toFixed(6)).toBe('2.575829');
    expect(zForConfidence(0.95).toFixed(6)).toBe(Z95.toFixed(6));
  });

  it('matches reference quantiles to ~1e-13 (after the refinement step)', () => {
    // R: qnorm(0.975), qnorm(0.95), qnorm(0.995), qnorm(0.9995), qnorm(0.001)
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(inverseNormalCdf(0.95)).toBeCloseTo(1.6448536269514722, 13);
    expect(inverseNormalCdf(0.995)).toBeCloseTo(2.5758293035489004, 13);
    expect(inverseNormalCdf(0.9995)).toBeCloseTo(3.2905267314918945, 12);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232306167813, 12);
    expect(inverseNormalCdf(0.5)).toBe(0);
  });

  it('rejects levels outside (0, 1)', () => {
    for (const c of [0, 1, -0.5, 1.5, Number.NaN])
      expect(() => zForConfidence(c)).toThrow(RangeError);
  });

  it('inverts Φ', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(inverseNormalCdf(p)) - p)).toBeLessThan(1e-14);
      }),
    );
  });

  it('Φ is symmetric and hits known values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-15);
      }),
    );
  });
});
