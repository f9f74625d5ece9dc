import { z } from 'zod';
import { channelSchema } from './feed';
import { DEFAULT_MAINTENANCE_WINDOW, maintenanceWindowSchema } from './maintenance_window';
import { publicKeyBase64Schema } from './signature_envelope';

/** The optional `updates` block of the provisioning file. Without it the terminal never self-updates. */
export const updatesConfigSchema = z
  .object({
    publicKey: publicKeyBase64Schema,
    channel: channelSchema.default('stable'),
    maintenanceWindow: maintenanceWindowSchema.default(DEFAULT_MAINTENANCE_WINDOW),
  })
  .strict();
export type UpdatesConfig = z.infer<typeof updatesConfigSchema>;
