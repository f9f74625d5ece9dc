import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../common/forms/canonical_json';

describe('canonical JSON', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: '文' } })).toBe(
      '{"a":{"c":"文","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same bytes and hash for the same content in any key order', () => {
    const one = canonicalJson({ x: 'a', y: ['b'], z: { p: 1, q: 2 } });
    const two = canonicalJson({ z: { q: 2, p: 1 }, y: ['b'], x: 'a' });
    expect(one).toBe(two);
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(hash(one)).toBe(hash(two));
  });

  it('escapes strings as JSON and refuses values JSON cannot hold', () => {
    expect(canonicalJson({ s: '"</script>\n' })).toBe('{"s":"\\"</script>\\n"}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});
