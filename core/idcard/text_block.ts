import { err, ok, type Result } from '../../common/result';

/**
 * The card's text as stored on the chip: 256 bytes of UCS-2 little-endian, fixed-width fields padded with
 * spaces. The photo is a separate block that the kiosk never decodes or keeps.
 */
export interface CardText {
  name: string;
  /** GB/T 2261.1: 1 male, 2 female. */
  sexCode: string;
  /** GB 3304 two-digit code of the ethnic group (民族). */
  nationCode: string;
  /** YYYYMMDD */
  birth: string;
  address: string;
  idNumber: string;
  issuer: string;
  /** YYYYMMDD */
  validFrom: string;
  /** YYYYMMDD, or 长期 for a card without end date. */
  validTo: string;
}

export const TEXT_BLOCK_BYTES = 256;

/** Field widths in bytes, in the order they are stored; 36 bytes at the end are reserved. */
const LAYOUT: readonly [keyof CardText, number][] = [
  ['name', 30],
  ['sexCode', 2],
  ['nationCode', 4],
  ['birth', 16],
  ['address', 70],
  ['idNumber', 36],
  ['issuer', 30],
  ['validFrom', 16],
  ['validTo', 16],
];

function decodeUcs2(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
  return text;
}

/** Control characters (and the non-characters U+FFFE, U+FFFF) never appear on a card: a block holding them
 * was not read right. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code >= 0xfffe) return true;
  }
  return false;
}

/** Splits the block into its fields (trailing padding removed); anything malformed is `unreadable`. */
export function parseTextBlock(block: Uint8Array): Result<CardText, 'unreadable'> {
  if (block.length !== TEXT_BLOCK_BYTES) return err('unreadable');
  const card: Partial<CardText> = {};
  let offset = 0;
  for (const [field, width] of LAYOUT) {
    const value = decodeUcs2(block.subarray(offset, offset + width)).replace(/[ \u3000]+$/, '');
    if (hasControl(value)) return err('unreadable');
    card[field] = value;
    offset += width;
  }
  return ok(card as CardText);
}

/** The block for a card's text (the simulators' side); a value longer than its field is cut off. */
export function encodeTextBlock(card: CardText): Uint8Array {
  const block = new Uint8Array(TEXT_BLOCK_BYTES);
  // padding is the space character, as on real cards
  for (let i = 0; i < TEXT_BLOCK_BYTES; i += 2) block[i] = 0x20;
  let offset = 0;
  for (const [field, width] of LAYOUT) {
    const chars = card[field].slice(0, width / 2);
    for (let i = 0; i < chars.length; i++) {
      const code = chars.charCodeAt(i);
      block[offset + 2 * i] = code & 0xff;
      block[offset + 2 * i + 1] = code >> 8;
    }
    offset += width;
  }
  return block;
}
