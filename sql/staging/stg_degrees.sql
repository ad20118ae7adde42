-- Degrees: the dates on which each person took a degree.
SELECT DISTINCT person_id, degree_date FROM raw_degrees
