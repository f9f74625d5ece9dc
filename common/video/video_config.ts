import { z } from 'zod';
import { externalUrlProviderSchema } from './external_provider';

/** One STUN/TURN server, as RTCPeerConnection takes it. None are needed on the centre's LAN. */
export const iceServerSchema = z
  .object({
    urls: z
      .array(
        z
          .string()
          .max(300)
          .regex(/^(stun|turns?):/, 'stun:, turn: or turns: URL'),
      )
      .min(1)
      .max(5),
    username: z.string().max(200).optional(),
    credential: z.string().max(200).optional(),
  })
  .strict();
export type IceServer = z.infer<typeof iceServerSchema>;

/** `video` block of the terminal config (optional: defaults to a LAN without ICE servers). */
export const videoConfigSchema = z
  .object({
    iceServers: z.array(iceServerSchema).max(5).default([]),
    /** Shown with the 12348 hotline when nobody can answer; defaults to the centre's phone. */
    fallbackPhone: z
      .string()
      .max(32)
      .regex(/^[0-9+\-() ]*$/)
      .optional(),
    /** A contracted third-party web video service, offered on the call screen (a program: see `external_provider.ts`). */
    external: externalUrlProviderSchema.optional(),
  })
  .strict();
export type VideoConfig = z.infer<typeof videoConfigSchema>;
