import fs from 'node:fs';
import path from 'node:path';
import { type ExternalProgram, externalProgramSchema } from '../../common/video/external_provider';
import type { Logger } from '../../node_shared/logger';

/** The file a technician places next to the provisioning file to offer an installed video program. */
export const PROGRAM_FILE_NAME = 'video_program.json';
const MAX_BYTES = 16 * 1024;

/**
 * A program-kind external video provider comes only from this file, which the technician puts on the
 * machine by hand: no code of the kiosk writes it, and neither an enrollment answer nor a screen edit (which
 * write the provisioning file) can name a program or its arguments. Absent or invalid: no program.
 */
export function loadTechnicianProgram(
  configPath: string | undefined,
  logger: Logger,
): ExternalProgram | null {
  if (!configPath) return null;
  const file = path.join(path.dirname(configPath), PROGRAM_FILE_NAME);
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_BYTES) {
      logger.warn('video.program_file_invalid', { reason: 'too_large' });
      return null;
    }
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = externalProgramSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    logger.warn('video.program_file_invalid', { field: parsed.error.issues[0]?.path.join('.') ?? '' });
  } catch {
    logger.warn('video.program_file_invalid', { reason: 'not_json' });
  }
  return null;
}
