import { z } from 'zod';
import { formIdSchema } from '../forms/template_schema';
import { visitorMethod } from './define';

const noArgs = z.object({}).strict();

/** Why a card did not fill the draft, in the words the visitor hears (each with "type instead"). */
export const CARD_FAILURES = ['expired', 'unreadable', 'removed_early', 'reader_unavailable'] as const;
export type CardFailure = (typeof CARD_FAILURES)[number];

export const idCardMethods = {
  /**
   * Callable by the visitor's screen and by staff in assisted entry. Listens for a card for this draft: when one
   * is read, the core writes the holder's card steps into the draft itself (validated like typed answers,
   * marked "from ID card") and says so with the `idcard.state` event. Nothing of the card goes anywhere
   * else; only the draft's own answers reach the screen (`forms.get_draft`). Listening ends on a read, on
   * `idcard.disarm`, at session end, and after a few minutes without a card.
   */
  'idcard.arm': visitorMethod(
    z.object({ draftId: z.string().uuid(), holder: formIdSchema }).strict(),
    z.union([
      z.object({ ok: z.literal(true), ready: z.boolean() }),
      z.object({ ok: z.literal(false), reason: z.enum(['no_reader', 'no_card_steps', 'draft_not_found']) }),
    ]),
  ),
  /** Stops listening (the visitor chose to type, or left the step). */
  'idcard.disarm': visitorMethod(noArgs, z.object({ ok: z.literal(true) })),
} as const;
