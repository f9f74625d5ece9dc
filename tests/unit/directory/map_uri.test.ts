import { describe, expect, it } from 'vitest';
import { geoUri } from '../../../common/directory/map_uri';

describe('geo: URI for navigation', () => {
  it('puts the coordinates in the path and the query, with the name as label', () => {
    expect(geoUri({ lat: 40.654, lon: 109.848 }, 'Notary')).toBe(
      'geo:40.654,109.848?q=40.654,109.848(Notary)',
    );
  });

  it('percent-encodes Chinese names and brackets so the label cannot end early', () => {
    const uri = geoUri({ lat: 40.5, lon: 110.1 }, '示例公证处（样例数据）(x)');
    expect(uri).toMatch(/^geo:40\.5,110\.1\?q=40\.5,110\.1\([0-9A-Za-z%]+\)$/);
    const label = /\((.*)\)$/.exec(uri)![1]!;
    expect(decodeURIComponent(label)).toBe('示例公证处（样例数据）(x)');
  });

  it('rounds to six decimals (about 0.1 m) and never writes exponents', () => {
    expect(geoUri({ lat: 40.123456789, lon: -0.0000001 }, 'a')).toBe('geo:40.123457,0?q=40.123457,0(a)');
  });
});
