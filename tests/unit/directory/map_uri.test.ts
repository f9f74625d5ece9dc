import { describe, expect, it } from 'vitest';
import { geoUri, MAP_PROVIDERS, mapLink } from '../../../common/directory/map_uri';

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

describe('https map links (what WeChat and iPhone scanners open)', () => {
  const place = { lat: 40.654321, lon: 109.848765 };

  it('Amap: lon,lat order, WGS-84 declared, the name as a query value', () => {
    const url = new URL(mapLink('amap', place, '示例公证处&x=1'));
    expect(url.origin).toBe('https://uri.amap.com');
    expect(url.searchParams.get('position')).toBe('109.848765,40.654321');
    expect(url.searchParams.get('coordinate')).toBe('wgs84');
    // an ampersand in a name stays inside the name: it cannot add a parameter
    expect(url.searchParams.get('name')).toBe('示例公证处&x=1');
    expect(url.searchParams.get('x')).toBeNull();
  });

  it('Baidu: lat,lon order, WGS-84 declared', () => {
    const url = new URL(mapLink('baidu', place, 'Notary'));
    expect(url.origin).toBe('https://api.map.baidu.com');
    expect(url.searchParams.get('location')).toBe('40.654321,109.848765');
    expect(url.searchParams.get('coord_type')).toBe('wgs84');
    expect(url.searchParams.get('title')).toBe('Notary');
  });

  it('OpenStreetMap: a marker and the map centred on it', () => {
    expect(mapLink('osm', place, 'Notary')).toBe(
      'https://www.openstreetmap.org/?mlat=40.654321&mlon=109.848765#map=18/40.654321/109.848765',
    );
  });

  it('every provider gives https', () => {
    for (const provider of MAP_PROVIDERS)
      expect(new URL(mapLink(provider, place, 'a')).protocol).toBe('https:');
  });
});
