-- Interval methods and small-cell protection (spec indicators.md, "Uncertainty" and
-- "Small-cell protection"). Twins of src/stats/*.ts: each macro uses the same
-- operations in the same order as its TypeScript function, so both give the same
-- doubles (test/stats checks agreement to 1e-12). Everything is DOUBLE; z is always
-- passed explicitly (0.95 → 1.959964). Loaded on every connection, hence TEMP.
--
-- NULL in gives NULL out. The explicit IS NULL guards matter where greatest()/least()
-- are used: DuckDB's greatest(0, NULL) is 0, not NULL.

-- Wilson score interval for k of n (Newcombe 1998 method 3); NULL when n < 2.
-- centre = (k + z²/2)/(n + z²), half = z/(n + z²)·√(k(n−k)/n + z²/4); clipped to
-- [0, 1], k = 0 → low exactly 0, k = n → high exactly 1.
CREATE OR REPLACE TEMP MACRO wilson_low(k DOUBLE, n DOUBLE, z DOUBLE) AS
  CASE
    WHEN k IS NULL OR n IS NULL OR z IS NULL OR n < 2 THEN NULL
    WHEN k < 0 OR k > n OR NOT (z > 0) THEN error('wilson_low: need 0 <= k <= n and z > 0')::DOUBLE
    WHEN k = 0 THEN 0.0::DOUBLE
    ELSE greatest(0.0::DOUBLE,
      (k + z * z / 2) / (n + z * z) - (z / (n + z * z)) * sqrt(k * (n - k) / n + z * z / 4))
  END;

CREATE OR REPLACE TEMP MACRO wilson_high(k DOUBLE, n DOUBLE, z DOUBLE) AS
  CASE
    WHEN k IS NULL OR n IS NULL OR z IS NULL OR n < 2 THEN NULL
    WHEN k < 0 OR k > n OR NOT (z > 0) THEN error('wilson_high: need 0 <= k <= n and z > 0')::DOUBLE
    WHEN k = n THEN 1.0::DOUBLE
    ELSE least(1.0::DOUBLE,
      (k + z * z / 2) / (n + z * z) + (z / (n + z * z)) * sqrt(k * (n - k) / n + z * z / 4))
  END;

-- R = sy/sx, NULL when sx = 0. (DuckDB's DOUBLE division follows IEEE by default:
-- 0/0 is NaN and x/0 is ±Infinity, not NULL, so a bare sy / sx is not enough.)
CREATE OR REPLACE TEMP MACRO ratio_of_sums(sy DOUBLE, sx DOUBLE) AS
  CASE WHEN sx = 0 THEN NULL ELSE sy / sx END;

-- Delta-method SE of R = sy/sx from per-group sums over n units (persons):
-- SE = √(Σd²/(n(n−1))) / |sx/n|, Σd² = syy − 2R·sxy + R²·sxx clamped at 0 (the
-- expansion can round to a tiny negative when every dᵢ ≈ 0). NULL when n < 2 or sx = 0.
CREATE OR REPLACE TEMP MACRO ratio_delta_se(n DOUBLE, sx DOUBLE, sy DOUBLE, sxx DOUBLE, syy DOUBLE, sxy DOUBLE) AS
  CASE
    WHEN n IS NULL OR sx IS NULL OR sy IS NULL OR sxx IS NULL OR syy IS NULL OR sxy IS NULL
      OR n < 2 OR sx = 0 THEN NULL
    ELSE sqrt(greatest(0.0::DOUBLE, syy - 2 * (sy / sx) * sxy + (sy / sx) * (sy / sx) * sxx) / (n * (n - 1)))
      / abs(sx / n)
  END;

-- R − z·SE clipped at 0; NULL when r or se is NULL.
CREATE OR REPLACE TEMP MACRO ratio_delta_low(r DOUBLE, se DOUBLE, z DOUBLE) AS
  CASE
    WHEN r IS NULL OR se IS NULL OR z IS NULL THEN NULL
    ELSE greatest(0.0::DOUBLE, r - z * se)
  END;

-- R + z·SE, clipped at 1 when clip_one (prestationsgrad); NULL when r or se is NULL.
CREATE OR REPLACE TEMP MACRO ratio_delta_high(r DOUBLE, se DOUBLE, z DOUBLE, clip_one BOOLEAN := false) AS
  CASE
    WHEN r IS NULL OR se IS NULL OR z IS NULL THEN NULL
    WHEN clip_one THEN least(1.0::DOUBLE, r + z * se)
    ELSE r + z * se
  END;

-- mean ∓ z·sd/√n (sd with divisor n − 1, e.g. stddev_samp); NULL when n < 2. Not clipped.
CREATE OR REPLACE TEMP MACRO mean_ci_low(mean DOUBLE, sd DOUBLE, n DOUBLE, z DOUBLE) AS
  CASE WHEN n < 2 THEN NULL ELSE mean - z * sd / sqrt(n) END;

CREATE OR REPLACE TEMP MACRO mean_ci_high(mean DOUBLE, sd DOUBLE, n DOUBLE, z DOUBLE) AS
  CASE WHEN n < 2 THEN NULL ELSE mean + z * sd / sqrt(n) END;

-- Small-cell protection: TRUE = suppress (publish '..').
-- A count of persons from 1 to min_cell − 1; 0 and ≥ min_cell are shown.
CREATE OR REPLACE TEMP MACRO suppress_count(value DOUBLE, min_cell DOUBLE) AS
  value >= 1 AND value < min_cell;

-- A share or ratio whose denominator has fewer than min_cell persons (numerator not
-- considered, per spec; see src/stats/suppression.ts).
CREATE OR REPLACE TEMP MACRO suppress_share(denominator DOUBLE, min_cell DOUBLE) AS
  denominator < min_cell;
