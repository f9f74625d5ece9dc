/**
 * The navigation link in the directory's QR code: an RFC 5870 `geo:` URI with the Android `q=` extension,
 * `geo:lat,lon?q=lat,lon(label)`. Phone map apps (Amap, Baidu, Tencent, Google Maps) register for `geo:`, so
 * one code works with whatever map the visitor has, offline, without a vendor URL. Coordinates are WGS-84.
 */
export function geoUri(location: { lat: number; lon: number }, label: string): string {
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
