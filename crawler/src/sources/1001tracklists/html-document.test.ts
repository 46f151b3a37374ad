import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load1001Html, MAX_NESTING, MAX_PAGE_CHARS, measureNesting, toWellFormed } from './html-document';

const fixture = (path: string): string => readFileSync(join(__dirname, 'fixtures', path), 'utf8');

describe('toWellFormed', () => {
  it('replaces lone surrogates, in either order, and keeps pairs', () => {
    expect(toWellFormed('a\uDFFF\uDC00b')).toBe('a\uFFFD\uFFFDb');
    expect(toWellFormed('\uD800\uD800')).toBe('\uFFFD\uFFFD');
    expect(toWellFormed('\uD800')).toBe('\uFFFD');
    expect(toWellFormed('😀 \uD83D\uDE00')).toBe('😀 😀');
  });
});

describe('measureNesting', () => {
  it('counts open elements, leaving out void, closed and raw-text content', () => {
    expect(measureNesting('<div><span><br><img src=x></span><p>x</p></div>')).toBe(2);
    expect(measureNesting('<script>"<div><div><div>"</script><div></div>')).toBe(1);
    expect(measureNesting('<svg><path/><path/></svg>')).toBe(1);
  });

  it('counts "<div/>" as open (only SVG and MathML honour "/>") and ignores end tags of elements never opened', () => {
    expect(measureNesting('<div/><div/><div/>')).toBe(3);
    expect(measureNesting('<div></x></x><div>')).toBe(2);
  });

  it('stays with the markup when a tag is never closed by ">"', () => {
    expect(measureNesting('<a<a<a<a')).toBe(0);
    expect(measureNesting(`<div>${'<a'.repeat(100_000)}`)).toBe(1);
  });

  it('finds real pages shallow: at most 27 (the 2018 table layout as a browser saved it)', () => {
    const pages = [
      'tracklist.html',
      'more/curbi-tape-06-2021-03-12.html',
      'more/swacq-revealed-night-ade-2018-10-20.browser-dom.html',
      'more/swacq-revealed-night-ade-2018-10-20.html',
    ];
    const depths = pages.map((path) => measureNesting(fixture(path)));
    expect(depths).toEqual([13, 13, 27, 25]);
    expect(Math.max(...depths)).toBeLessThan(MAX_NESTING / 10);
  });
});

describe('load1001Html', () => {
  it('loads a page, and refuses what is not text, too large or too deep, with the reason', () => {
    expect(load1001Html('<p>x</p>').ok).toBe(true);
    expect(load1001Html(42)).toEqual({ ok: false, reason: 'page body is not text' });
    expect(load1001Html('x'.repeat(MAX_PAGE_CHARS + 1))).toEqual({
      ok: false,
      reason: `page is ${MAX_PAGE_CHARS + 1} characters long (limit ${MAX_PAGE_CHARS}): not a tracklist page`,
    });
    expect(load1001Html('<b>'.repeat(MAX_NESTING + 1))).toEqual({
      ok: false,
      reason: `page nests tags ${MAX_NESTING + 1} deep (limit ${MAX_NESTING}): not a tracklist page`,
    });
  });
});
