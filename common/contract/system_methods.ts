import { z } from 'zod';
import { kioskConfigSchema, PLATFORM_LEVELS } from '../config_schema';
import { localizedTextSchema } from '../content/localized_text';
import { LANGUAGES } from '../languages';
import { visitorMethod } from './define';

const noArgs = z.object({}).strict();

export const configProblemSchema = z.object({
  kind: z.enum(['missing', 'unreadable', 'bad_json', 'invalid']),
  /** Dotted path of the bad field, e.g. `centre.id`; empty for whole-file problems. */
  field: z.string(),
  message: z.string(),
});
export type ConfigProblem = z.infer<typeof configProblemSchema>;

/** What the renderer needs of the provisioning (no tokens, no secrets). */
export const terminalInfoSchema = z.object({
  terminalId: z.string(),
  centre: z.object({ id: z.string(), name: z.string(), phone: z.string() }),
  platformLevel: z.enum(PLATFORM_LEVELS),
  defaultLanguage: z.enum(LANGUAGES),
  languages: z.array(z.enum(LANGUAGES)),
  bilingual: z.boolean().optional(),
  /** Test hooks (speech log, call stats on `window`): only a dev host started for tests turns them on. */
  testHooks: z.boolean().optional(),
  screen: kioskConfigSchema.shape.screen.unwrap(),
  session: kioskConfigSchema.shape.session.unwrap(),
  speech: kioskConfigSchema.shape.speech.unwrap(),
  directory: kioskConfigSchema.shape.directory.unwrap(),
  /** The ID card reader, when the terminal has one: where it is, for the visitor. */
  idCardReader: z.object({ location: localizedTextSchema(200) }).optional(),
});
export type TerminalInfo = z.infer<typeof terminalInfoSchema>;

/** A hub of the organisation profile that a new terminal may enroll with (the only ones it may). */
export const enrollmentHubSchema = z.object({ url: z.string(), name: z.string().optional() });
export type EnrollmentHub = z.infer<typeof enrollmentHubSchema>;

export const provisioningSchema = z.discriminatedUnion('provisioned', [
  z.object({ provisioned: z.literal(true), terminal: terminalInfoSchema }),
  z.object({
    provisioned: z.literal(false),
    problem: configProblemSchema,
    enrollmentHubs: z.array(enrollmentHubSchema),
  }),
]);
export type Provisioning = z.infer<typeof provisioningSchema>;

export const healthSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  diskFreeBytes: z.number().nonnegative(),
  provisioned: z.boolean(),
  uptimeSeconds: z.number().nonnegative(),
});
export type Health = z.infer<typeof healthSchema>;

export const systemMethods = {
  'system.health': visitorMethod(noArgs, healthSchema),
  'system.provisioning': visitorMethod(noArgs, provisioningSchema),
  /** The renderer's first screen is usable: background work that waited for it may start now. */
  'system.ready': visitorMethod(noArgs, z.object({ ok: z.literal(true) })),
} as const;
