/**
 * Deterministic work counting for the linearity tests (never wall-clock time): every regular-expression match the
 * code under test runs goes through `RegExp.prototype.exec` (V8 falls back to it for replace, split, test, match and
 * matchAll once it is patched), so patching it counts the characters each search walks over. A parser that re-scans
 * the whole line once per joiner (the quadratic " vs " bug, issue 11 finding 7) shows up as work growing with the
 * square of the input; a linear one grows in step with it.
 */
const originalExec = RegExp.prototype.exec;

export interface Measured<T> {
  result: T;
  /** characters walked by regular-expression searches */
  work: number;
  /** regular-expression searches run */
  searches: number;
}

export function measureRegexWork<T>(run: () => T): Measured<T> {
  let work = 0;
  let searches = 0;
  RegExp.prototype.exec = function countedExec(this: RegExp, input: string): RegExpExecArray | null {
    const text = String(input);
    const start = this.global || this.sticky ? this.lastIndex : 0;
    const match = originalExec.call(this, text);
    searches += 1;
    // A failed sticky search looks at one position; a failed free search walks to the end of the text.
    if (match) work += match.index + match[0].length - start + 1;
    else work += this.sticky ? 1 : text.length - start + 1;
    return match;
  };
  try {
    return { result: run(), work, searches };
  } finally {
    RegExp.prototype.exec = originalExec;
  }
}

/** How much more work ten times the input costs: about 10 for a linear parser, about 100 for a quadratic one. */
export function growthFactor(build: (size: number) => string, parse: (text: string) => unknown, size: number): number {
  const small = measureRegexWork(() => parse(build(size))).work;
  const large = measureRegexWork(() => parse(build(size * 10))).work;
  return large / small;
}
