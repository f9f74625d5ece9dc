import { z } from 'zod';
import { channelSchema } from './feed';
import { DEFAULT_MAINTENANCE_WINDOW, maintenanceWindowSchema } from './maintenance_window';

/**
 * The optional `updates` block of the provisioning file: which channel and when. Without it the terminal
 * never self-updates. The release public keys are not here: they come with the build, in the organisation
 * profile, so neither a hub nor a technician's edit can change whom the terminal trusts.
 */
export const updatesConfigSchema = z
  .object({
    channel: channelSchema.default('stable'),
    maintenanceWindow: maintenanceWindowSchema.default(DEFAULT_MAINTENANCE_WINDOW),
  })
  .strict();
export type UpdatesConfig = z.infer<typeof updatesConfigSchema>;
