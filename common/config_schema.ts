import { z } from 'zod';
import { MAP_PROVIDERS } from './directory/map_uri';
import { idCardReaderConfigSchema } from './idcard/reader_config';
import { LANGUAGES } from './languages';
import { hubUrlSchema } from './trust/hub_url';
import { updatesConfigSchema } from './updates/update_config';
import { videoConfigSchema } from './video/video_config';

/** The four levels of public legal service platforms in the policy (一、公共法律服务网络). */
export const PLATFORM_LEVELS = ['city', 'county', 'township', 'village'] as const;
export type PlatformLevel = (typeof PLATFORM_LEVELS)[number];

const identifier = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, dot, dash or underscore');

/** The provisioning file of one terminal. Every field is checked; an error names the field. */
export const kioskConfigSchema = z
  .object({
    terminalId: identifier,
    centre: z
      .object({
        id: identifier,
        name: z.string().min(1).max(200),
        phone: z
          .string()
          .max(32)
          .regex(/^[0-9+\-() ]*$/, 'digits, spaces, +, - and brackets only')
          .default(''),
      })
      .strict(),
    platformLevel: z.enum(PLATFORM_LEVELS),
    /** Must be a hub of the organisation profile shipped with the build (checked where the hub is used). */
    hubUrl: hubUrlSchema,
    hubToken: z.string().max(512).default(''),
    defaultLanguage: z.enum(LANGUAGES).default('zh-CN'),
    languages: z.array(z.enum(LANGUAGES)).min(1).default(['zh-CN', 'mn-Mong-CN', 'en']),
    /** Mongolian and Chinese shown together (Mongolian first) on the home screen and headings. */
    bilingual: z.boolean().optional(),
    printer: z
      .object({
        name: z.string().max(200).default(''),
        paper: z.enum(['A4', 'receipt80mm']).default('A4'),
      })
      .strict()
      .default({ name: '', paper: 'A4' }),
    screen: z
      .object({
        diagonalInches: z.number().min(7).max(100),
        widthPx: z.number().int().min(320).max(10000),
        heightPx: z.number().int().min(320).max(10000),
      })
      .strict()
      .default({ diagonalInches: 23.8, widthPx: 1920, heightPx: 1080 }),
    session: z
      .object({
        idleSeconds: z.number().int().min(30).max(3600).default(120),
        warningSeconds: z.number().int().min(30).max(600).default(45),
      })
      .strict()
      .default({ idleSeconds: 120, warningSeconds: 45 }),
    speech: z
      .object({
        onByDefault: z.boolean().default(false),
      })
      .strict()
      .default({ onByDefault: false }),
    /** scrypt hash of the technician PIN (`npm run technician:pin`); technician mode is closed without it. */
    technicianPinHash: z
      .string()
      .max(300)
      .regex(
        /^scrypt\$\d{1,7}\$\d{1,2}\$\d{1,2}\$[A-Za-z0-9+/=]{16,64}\$[A-Za-z0-9+/=]{32,128}$/,
        'an scrypt PIN hash',
      )
      .optional(),
    /** Staff mode (front desk): who the audit names and the scrypt hash of the staff PIN (6+ digits,
     * same format as the technician PIN: `npm run -s technician:pin`); staff mode is closed without it. */
    staff: z
      .object({
        id: identifier.default('front-desk'),
        pinHash: z
          .string()
          .max(300)
          .regex(
            /^scrypt\$\d{1,7}\$\d{1,2}\$\d{1,2}\$[A-Za-z0-9+/=]{16,64}\$[A-Za-z0-9+/=]{32,128}$/,
            'an scrypt PIN hash',
          ),
      })
      .strict()
      .optional(),
    /** Free space kept in reserve on the data disk: below it the kiosk takes no new work (new drafts) and
     * tells visitor and staff why, instead of failing half-way through a form. */
    storage: z
      .object({ reserveMb: z.number().int().min(0).max(100_000).default(200) })
      .strict()
      .default({ reserveMb: 200 }),
    /** Self-update from the hub (see `common/updates/update_config.ts`); absent: never self-update. */
    updates: updatesConfigSchema.optional(),
    /** Video call: ICE servers (none on a LAN) and the phone shown when nobody can answer. */
    video: videoConfigSchema.optional(),
    /** The directory's navigation QR code: the web map its https link opens (`geo:` is offered second). */
    directory: z
      .object({ mapProvider: z.enum(MAP_PROVIDERS).default('amap') })
      .strict()
      .default({ mapProvider: 'amap' }),
    /** The second-generation ID card reader (see `common/idcard/reader_config.ts`); absent: visitors type. */
    idCardReader: idCardReaderConfigSchema.optional(),
  })
  .strict();

export type KioskConfig = z.infer<typeof kioskConfigSchema>;
export type KioskConfigInput = z.input<typeof kioskConfigSchema>;
