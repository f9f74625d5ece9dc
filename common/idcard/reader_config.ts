import { z } from 'zod';
import { localizedTextSchema } from '../content/localized_text';

/** An absolute path without `..` segments (POSIX, or a Windows drive path). */
const absolutePath = z
  .string()
  .min(2)
  .max(1024)
  .regex(/^(\/|[A-Za-z]:\\)[^\0]*$/, 'an absolute path')
  .refine((value) => !value.split(/[\\/]/).includes('..'), 'no ".." in the path');

/** Where the reader is, said and shown to the visitor: "on the right of the screen, below the printer slot". */
const location = localizedTextSchema(200);

export const ID_CARD_ADAPTERS = ['serial', 'vendor', 'simulated'] as const;

/**
 * The terminal's second-generation ID card reader (issue 19), one of three adapters:
 * - `serial`: a reader that presents a (USB-)serial port and speaks the SAM protocol itself;
 * - `vendor`: the vendor's `SDT_*` library (`sdtapi.dll`, `termb.dll` or their `.so` twins) through koffi;
 * - `simulated`: a folder where a card file (`card.json`) stands for a card on the reader (dev host, tests).
 */
export const idCardReaderConfigSchema = z.discriminatedUnion('adapter', [
  z
    .object({
      adapter: z.literal('serial'),
      port: z
        .string()
        .max(256)
        .regex(/^(\/[A-Za-z0-9._:+/-]+|COM[1-9][0-9]{0,2})$/, 'a device path such as /dev/ttyUSB0, or COM3')
        .refine((value) => !value.split('/').includes('..'), 'no ".." in the path'),
      baudRate: z.union([z.literal(9600), z.literal(57600), z.literal(115200)]).default(115200),
      location,
    })
    .strict(),
  z
    .object({
      adapter: z.literal('vendor'),
      library: absolutePath.refine((value) => /\.(dll|so(\.\d+)*)$/i.test(value), 'a .dll or .so file'),
      /** The vendor's port number: 1001–1016 for USB readers, 1–16 for COM1–COM16. */
      port: z.number().int().min(1).max(9999),
      location,
    })
    .strict(),
  z.object({ adapter: z.literal('simulated'), folder: absolutePath, location }).strict(),
]);
export type IdCardReaderConfig = z.infer<typeof idCardReaderConfigSchema>;
export type IdCardAdapter = (typeof ID_CARD_ADAPTERS)[number];
