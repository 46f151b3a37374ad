import { copyColumns, copyField, copyText } from './copy';

describe('COPY text format', () => {
  it('writes NULL as \\N, booleans as t/f, numbers as they are', () => {
    expect([null, undefined, true, false, 0, 42, -7].map(copyField)).toEqual(['\\N', '\\N', 't', 'f', '0', '42', '-7']);
  });

  it('escapes what would end a field or a line, and the backslash itself', () => {
    // A real MixesDB row's raw text can hold a tab (copied from a player) and a backslash ("AC\DC").
    expect(copyField('Artist\t- Title')).toBe('Artist\\t- Title');
    expect(copyField('line one\nline two\r')).toBe('line one\\nline two\\r');
    expect(copyField('AC\\DC - Back In Black')).toBe('AC\\\\DC - Back In Black');
    expect(copyField('\\N')).toBe('\\\\N');
  });

  it('writes text arrays as quoted array literals, so commas, braces, quotes and the word NULL stay text', () => {
    expect(copyField([])).toBe('{}');
    expect(copyField(['Dubfire', 'Oliver Huntemann'])).toBe('{"Dubfire","Oliver Huntemann"}');
    expect(copyField(['a, b', '{x}', 'say "hi"', 'NULL', null])).toBe('{"a, b","{x}","say \\\\"hi\\\\"","NULL",NULL}');
    // A backslash in an element is escaped for the array literal, then again for COPY.
    expect(copyField(['AC\\DC'])).toBe('{"AC\\\\\\\\DC"}');
  });

  it('refuses a number PostgreSQL could not read', () => {
    expect(() => copyField(Number.NaN)).toThrow(/NaN/);
  });

  it('reads the column list of the statement and writes one line per record in that order', () => {
    const statement = '-- a comment\nCOPY silver.setlist_tracks (setlist_id, position,\n  raw) FROM STDIN';
    expect(copyColumns(statement)).toEqual(['setlist_id', 'position', 'raw']);
    expect(
      copyText(copyColumns(statement), [
        { raw: 'A - B', position: 1, setlist_id: 9 },
        { setlist_id: 9, position: 2, raw: null },
      ]),
    ).toBe('9\t1\tA - B\n9\t2\t\\N\n');
    expect(() => copyColumns('INSERT INTO x VALUES (1)')).toThrow(/names its columns/);
  });
});
