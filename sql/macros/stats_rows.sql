-- Builders for one row of the indicators output contract, as a struct, so each mart
-- states an indicator once. `persons` is how many persons stand behind the value: the
-- small-cell rule of indicators.md is judged on it. A share or ratio whose denominator
-- is 0 has no value and so no row (NULL, filtered out by the mart). An indicator's kind
-- and small-cell rule are not here: the marts take them from ref_indicators (the
-- registry, src/indicators/registry.ts).

CREATE OR REPLACE TEMP MACRO indicator_count(name, value, persons) AS
  {'indicator': name, 'value': value::DOUBLE, 'numerator': NULL::DOUBLE, 'denominator': NULL::DOUBLE,
   'ci_low': NULL::DOUBLE, 'ci_high': NULL::DOUBLE, 'n': value::DOUBLE, 'preliminary': false,
   'persons': persons::BIGINT};

CREATE OR REPLACE TEMP MACRO indicator_share(name, k, n, persons, z) AS
  CASE WHEN n > 0 THEN
  {'indicator': name, 'value': k::DOUBLE / n::DOUBLE, 'numerator': k::DOUBLE, 'denominator': n::DOUBLE,
   'ci_low': wilson_low(k, n, z), 'ci_high': wilson_high(k, n, z), 'n': n::DOUBLE, 'preliminary': false,
   'persons': persons::BIGINT} END;

-- numerator × scale / denominator without an interval (new_students_per_10k,
-- cost_per_conversion); no row when the denominator is not positive or either is unknown.
CREATE OR REPLACE TEMP MACRO indicator_quotient(name, numerator, denominator, scale, persons) AS
  CASE WHEN denominator > 0 AND numerator IS NOT NULL THEN
  {'indicator': name, 'value': numerator::DOUBLE * scale / denominator::DOUBLE, 'numerator': numerator::DOUBLE,
   'denominator': denominator::DOUBLE, 'ci_low': NULL::DOUBLE, 'ci_high': NULL::DOUBLE, 'n': persons::DOUBLE,
   'preliminary': false, 'persons': persons::BIGINT} END;

-- Ratio of sums Σy/Σx with the delta-method interval over n units (clipped at 0, and
-- at 1 when clip_one); numerator and denominator are given as the contract names them.
-- Units are persons, or for activities person × participation term, so the persons
-- behind the value are given separately.
CREATE OR REPLACE TEMP MACRO indicator_ratio(name, numerator, denominator, n, persons, sx, sy, sxx, syy, sxy, z, clip_one, preliminary) AS
  CASE WHEN sx > 0 THEN
  {'indicator': name, 'value': sy::DOUBLE / sx::DOUBLE, 'numerator': numerator::DOUBLE, 'denominator': denominator::DOUBLE,
   'ci_low': ratio_delta_low(sy::DOUBLE / sx::DOUBLE, ratio_delta_se(n, sx, sy, sxx, syy, sxy), z),
   'ci_high': ratio_delta_high(sy::DOUBLE / sx::DOUBLE, ratio_delta_se(n, sx, sy, sxx, syy, sxy), z, clip_one),
   'n': n::DOUBLE, 'preliminary': preliminary, 'persons': persons::BIGINT} END;

-- Mean of per-registration values with mean ± z · sd / √n (completion_rate_diff).
CREATE OR REPLACE TEMP MACRO indicator_mean(name, n, persons, total, total_squares, z) AS
  CASE WHEN n > 0 THEN
  {'indicator': name, 'value': total::DOUBLE / n, 'numerator': total::DOUBLE, 'denominator': n::DOUBLE,
   'ci_low': mean_ci_low(total::DOUBLE / n, sqrt(greatest(total_squares - total * total / n, 0) / nullif(n - 1, 0)), n, z),
   'ci_high': mean_ci_high(total::DOUBLE / n, sqrt(greatest(total_squares - total * total / n, 0) / nullif(n - 1, 0)), n, z),
   'n': n::DOUBLE, 'preliminary': false, 'persons': persons::BIGINT} END;

-- Is a row suppressed in published output (indicators.md, small-cell protection)? The
-- rule is the indicator's suppression_rule in ref_indicators. 'count' (counts, and rates
-- of a count): 1 to min_cell − 1 persons behind it; 'share': fewer than min_cell persons
-- in the denominator, and with share_rule 'cells' also a numerator or complement
-- (denominator − numerator) of 1 to min_cell − 1, the threshold rule on both cells of the
-- table the share is made from; 'persons' (ratios, differences, costs), or no rule:
-- fewer than min_cell persons behind it. This is primary suppression only;
-- published_indicators adds the secondary cells.
CREATE OR REPLACE TEMP MACRO indicator_suppressed(rule, persons, numerator, denominator, min_cell, share_rule) AS
  CASE WHEN rule = 'count' THEN persons BETWEEN 1 AND min_cell - 1
       WHEN rule = 'share' AND share_rule = 'cells' THEN persons < min_cell
         OR numerator BETWEEN 1 AND min_cell - 1
         OR denominator - numerator BETWEEN 1 AND min_cell - 1
       ELSE persons < min_cell END;
