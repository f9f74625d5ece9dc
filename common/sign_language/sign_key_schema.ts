import { z } from 'zod';
import { MAX_SIGN_KEY_LENGTH, parseSignKey } from './sign_keys';

// Apart from sign_keys.ts: the renderer's first screen builds keys, and must not load zod to do so.
export const signKeySchema = z
  .string()
  .max(MAX_SIGN_KEY_LENGTH)
  .refine(
    (key) => parseSignKey(key) !== null,
    'catalog:ns:key, template:id@version:step.prompt|option.value or article:id',
  );
