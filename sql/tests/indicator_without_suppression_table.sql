-- Every municipality indicator belongs to a table of secondary suppression
-- (ref_suppression_tables): one left out would be published with only its own rule.
SELECT DISTINCT
  m.indicator
FROM
  mart_municipality_indicators m
  ANTI JOIN ref_suppression_tables USING (indicator)
