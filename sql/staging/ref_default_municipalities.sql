-- The default municipality reference (data contract): the 25 municipalities of
-- Gävleborgs (21), Västernorrlands (22) and Jämtlands (23) län, all in the region.
SELECT * FROM (VALUES
  ('2101', 'Ockelbo', '21', 'Gästrikland', true),
  ('2104', 'Hofors', '21', 'Gästrikland', true),
  ('2121', 'Ovanåker', '21', 'Hälsingland', true),
  ('2132', 'Nordanstig', '21', 'Hälsingland', true),
  ('2161', 'Ljusdal', '21', 'Hälsingland', true),
  ('2180', 'Gävle', '21', 'Gästrikland', true),
  ('2181', 'Sandviken', '21', 'Gästrikland', true),
  ('2182', 'Söderhamn', '21', 'Hälsingland', true),
  ('2183', 'Bollnäs', '21', 'Hälsingland', true),
  ('2184', 'Hudiksvall', '21', 'Hälsingland', true),
  ('2260', 'Ånge', '22', 'Västernorrland', true),
  ('2262', 'Timrå', '22', 'Västernorrland', true),
  ('2280', 'Härnösand', '22', 'Västernorrland', true),
  ('2281', 'Sundsvall', '22', 'Västernorrland', true),
  ('2282', 'Kramfors', '22', 'Västernorrland', true),
  ('2283', 'Sollefteå', '22', 'Västernorrland', true),
  ('2284', 'Örnsköldsvik', '22', 'Västernorrland', true),
  ('2303', 'Ragunda', '23', 'Jämtland', true),
  ('2305', 'Bräcke', '23', 'Jämtland', true),
  ('2309', 'Krokom', '23', 'Jämtland', true),
  ('2313', 'Strömsund', '23', 'Jämtland', true),
  ('2321', 'Åre', '23', 'Jämtland', true),
  ('2326', 'Berg', '23', 'Jämtland', true),
  ('2361', 'Härjedalen', '23', 'Härjedalen', true),
  ('2380', 'Östersund', '23', 'Jämtland', true)
) AS m(municipality_code, name, county_code, area, in_region)
