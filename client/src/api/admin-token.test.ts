import { describe, expect, it } from 'vitest';
import { hashWithoutToken, tokenFromHash } from './admin-token';

describe('admin token in the address bar', () => {
  it('reads the token from the fragment npm start prints, and leaves the rest of the fragment', () => {
    expect(tokenFromHash('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('#x=1&token=t')).toBe('t');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(hashWithoutToken('#token=abc')).toBe('');
    expect(hashWithoutToken('#x=1&token=abc')).toBe('#x=1');
  });
});
