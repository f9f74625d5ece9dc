/**
 * The navigation link in the directory's QR code. The first choice is an https link to a web map, which the
 * scanners most visitors use open: WeChat's scanner (it opens web pages in its own browser, and ignores
 * `geo:`) and the iPhone camera (it hands https to Safari, and has no handler for `geo:`). Which web map is
 * the terminal's setting (`directory.mapProvider`). The second choice is an RFC 5870 `geo:` URI for Android
 * map apps, offline and vendor-neutral. Coordinates are WGS-84 and every link says so.
 */
export const MAP_PROVIDERS = ['amap', 'baidu', 'osm'] as const;
export type MapProvider = (typeof MAP_PROVIDERS)[number];

interface Place {
  lat: number;
  lon: number;
}

/** An https link that opens the place on the provider's web map (or its app, where the phone has it). */
export function mapLink(provider: MapProvider, location: Place, label: string): string {
  const lat = coordinate(location.lat);
  const lon = coordinate(location.lon);
  const name = encodeURIComponent(label);
  switch (provider) {
    case 'amap':
      // uri.amap.com takes "lon,lat"; callnative=1 hands over to the Amap app when the phone has it
      return `https://uri.amap.com/marker?position=${lon},${lat}&name=${name}&coordinate=wgs84&callnative=1&src=baotou-legal-kiosk`;
    case 'baidu':
      return `https://api.map.baidu.com/marker?location=${lat},${lon}&title=${name}&content=${name}&coord_type=wgs84&output=html&src=webapp.baotou-legal-kiosk`;
    case 'osm':
      return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;
  }
}

/** `geo:lat,lon?q=lat,lon(label)`, the Android `q=` extension: Android map apps register for `geo:`. */
export function geoUri(location: Place, label: string): string {
  const point = `${coordinate(location.lat)},${coordinate(location.lon)}`;
  // encodeURIComponent leaves ( ) ! ' * alone; brackets would end the label early, so encode them too.
  const encoded = encodeURIComponent(label).replace(
    /[()!'*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `geo:${point}?q=${point}(${encoded})`;
}

function coordinate(value: number): string {
  return String(Number(value.toFixed(6)));
}
