// Splits one CSV line into fields (RFC 4180 quotes, "" inside quotes). Only used on the
// few lines before and at the header; DuckDB reads the data rows.

export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

/** The delimiter that splits the header line into the most fields (quotes respected). */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const candidates = [';', ',', '\t'] as const;
  let best: ',' | ';' | '\t' = ',';
  let bestCount = 1;
  for (const candidate of candidates) {
    const count = splitCsvLine(headerLine, candidate).length;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
