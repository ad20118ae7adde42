-- Which published table each municipality indicator belongs to, for secondary
-- suppression (src/models/suppression-cells.ts). The indicators of one table share the
-- persons behind them — the new students of a scope, or its registered persons — and
-- publish the same sums (new_students is the denominator of new_lc_share and the
-- numerator of new_students_per_10k; hst and hpr are those of prestationsgrad), so a cell
-- of a table is shown or hidden for all of its indicators at once: otherwise one would
-- give away what another hides. Gender and birth year come from the personnummer and are
-- nearly always known, so their shares' denominators equal new_students in practice: they
-- belong to the same table.
SELECT
  *
FROM
  (
    VALUES
      ('new_students', 'new_students'),
      ('new_students_per_10k', 'new_students'),
      ('new_lc_share', 'new_students'),
      ('first_generation_share', 'new_students'),
      ('low_parental_education_share', 'new_students'),
      ('mature_share', 'new_students'),
      ('foreign_background_share', 'new_students'),
      ('women_share', 'new_students'),
      ('hst', 'registered'),
      ('hpr', 'registered'),
      ('prestationsgrad', 'registered'),
      ('prestationsgrad_4t', 'registered'),
      ('completion_rate', 'registered'),
      ('retention', 'registered')
  ) AS t (indicator, suppression_table)
