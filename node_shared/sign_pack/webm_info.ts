import { err, ok, type Result } from '../../common/result';

/**
 * What a WebM file says about itself in its headers (EBML): the document type, the duration, and each
 * track's codec and picture size. Enough for the kiosk and the hub to refuse a clip that is not the video the
 * manifest claims (a renamed text file, an MP4, a 10-minute recording) without a decoder.
 */
export interface WebmInfo {
  docType: string;
  durationMs: number;
  tracks: {
    type: 'video' | 'audio' | 'other';
    codecId: string;
    width: number | null;
    height: number | null;
  }[];
}

const ID = {
  ebml: 0x1a45dfa3,
  docType: 0x4282,
  segment: 0x18538067,
  info: 0x1549a966,
  timestampScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackType: 0x83,
  codecId: 0x86,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
};

const MAX_ELEMENTS = 10_000;

interface Element {
  id: number;
  /** Start and end of the element's data; `end` is null for an "unknown size" element. */
  start: number;
  end: number | null;
}

class Reader {
  elements = 0;
  constructor(readonly bytes: Buffer) {}

  /** A variable-length integer at `at`: its length and value (marker bit kept for ids, dropped for sizes). */
  private vint(at: number, maxLength: number, keepMarker: boolean) {
    const first = this.bytes[at];
    if (first === undefined || first === 0) return null;
    const length = Math.clz32(first) - 23;
    if (length > maxLength || at + length > this.bytes.length) return null;
    let value = keepMarker ? first : first & (0xff >> length);
    let allOnes = value === 0xff >> length;
    for (let i = 1; i < length; i++) {
      const byte = this.bytes[at + i]!;
      value = value * 256 + byte;
      allOnes &&= byte === 0xff;
    }
    return { length, value, unknown: !keepMarker && allOnes };
  }

  element(at: number, limit: number): Element | null {
    if (++this.elements > MAX_ELEMENTS) return null;
    const id = this.vint(at, 4, true);
    if (!id) return null;
    const size = this.vint(at + id.length, 8, false);
    if (!size) return null;
    const start = at + id.length + size.length;
    if (size.unknown) return { id: id.value, start, end: null };
    const end = start + size.value;
    return end > limit ? null : { id: id.value, start, end };
  }

  /** The children of [start, end): stops at the end or at a child of unknown size (returned last). */
  children(start: number, end: number): Element[] | null {
    const out: Element[] = [];
    let at = start;
    while (at < end) {
      const child = this.element(at, end);
      if (!child) return null;
      out.push(child);
      if (child.end === null) break;
      at = child.end;
    }
    return out;
  }

  uint(el: Element): number {
    let value = 0;
    for (let i = el.start; i < (el.end ?? el.start); i++) value = value * 256 + this.bytes[i]!;
    return value;
  }

  float(el: Element): number | null {
    const length = (el.end ?? el.start) - el.start;
    if (length === 4) return this.bytes.readFloatBE(el.start);
    if (length === 8) return this.bytes.readDoubleBE(el.start);
    return null;
  }

  text(el: Element): string {
    return this.bytes
      .subarray(el.start, el.end ?? el.start)
      .toString('latin1')
      .replace(/\0+$/, '');
  }
}

function trackOf(reader: Reader, entry: Element): WebmInfo['tracks'][number] | null {
  const fields = reader.children(entry.start, entry.end ?? entry.start);
  if (!fields) return null;
  const type = fields.find((f) => f.id === ID.trackType);
  const codec = fields.find((f) => f.id === ID.codecId);
  const video = fields.find((f) => f.id === ID.video);
  const picture = video ? reader.children(video.start, video.end ?? video.start) : [];
  if (!picture) return null;
  const dimension = (id: number) => {
    const el = picture.find((f) => f.id === id);
    return el ? reader.uint(el) : null;
  };
  const kind = type ? reader.uint(type) : 0;
  return {
    type: kind === 1 ? 'video' : kind === 2 ? 'audio' : 'other',
    codecId: codec ? reader.text(codec) : '',
    width: dimension(ID.pixelWidth),
    height: dimension(ID.pixelHeight),
  };
}

export function readWebmInfo(bytes: Buffer): Result<WebmInfo, string> {
  const reader = new Reader(bytes);
  const header = reader.element(0, bytes.length);
  if (!header || header.id !== ID.ebml || header.end === null) return err('not a WebM file (no EBML header)');
  const docType = reader.children(header.start, header.end)?.find((el) => el.id === ID.docType);
  if (!docType) return err('not a WebM file (no document type)');
  const segment = reader.element(header.end, bytes.length);
  if (!segment || segment.id !== ID.segment) return err('not a WebM file (no segment)');
  let scale = 1_000_000;
  let duration: number | null = null;
  const tracks: WebmInfo['tracks'] = [];
  let sawTracks = false;
  const segmentEnd = segment.end ?? bytes.length;
  let at = segment.start;
  while (at < segmentEnd) {
    const el = reader.element(at, segmentEnd);
    if (!el) return err('the WebM headers are damaged or truncated');
    if (el.id === ID.cluster || el.end === null) break;
    if (el.id === ID.info) {
      for (const field of reader.children(el.start, el.end) ?? []) {
        if (field.id === ID.timestampScale) scale = reader.uint(field);
        if (field.id === ID.duration) duration = reader.float(field);
      }
    } else if (el.id === ID.tracks) {
      sawTracks = true;
      for (const entry of reader.children(el.start, el.end) ?? []) {
        if (entry.id !== ID.trackEntry) continue;
        const track = trackOf(reader, entry);
        if (!track) return err('a WebM track header is damaged');
        tracks.push(track);
      }
    }
    at = el.end;
  }
  if (!sawTracks) return err('the WebM file has no track list before its first frames');
  if (duration === null || !Number.isFinite(duration) || duration <= 0 || scale <= 0)
    return err('the WebM file does not state its duration');
  return ok({
    docType: reader.text(docType),
    durationMs: Math.round((duration * scale) / 1_000_000),
    tracks,
  });
}
