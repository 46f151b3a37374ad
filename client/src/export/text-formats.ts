/**
 * The two text encodings every export writes: RFC 4180 CSV (a field with a comma, quote or line break is quoted,
 * quotes doubled, CRLF between records) and XML attribute/text escaping. Pure.
 */

/** One CSV field, quoted only when RFC 4180 requires it. null/undefined are empty fields, never "null". */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: the header, then one record per row, CRLF-terminated. */
export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** Escapes text for an XML attribute value or element text; drops characters XML 1.0 cannot carry. */
export function xmlEscape(value: string | number): string {
  return (
    String(value)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
