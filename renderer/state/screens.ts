import type { DirectoryQuery } from '../../common/directory/directory_search';
import type { Language } from '../../common/languages';

/**
 * Every screen the visitor can be on. Features add their screen here, render it in
 * `screens/current_screen.tsx`, and (for a home tile) point their service at it in `service_entry.ts`.
 */
export const SERVICE_IDS = [
  'legal_aid',
  'consultation',
  'notary_fees',
  'directory',
  'video_call',
  'home_visit',
  'mediation',
  'legal_knowledge',
  'status_lookup',
] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

export type Screen =
  | { name: 'home' }
  | { name: 'help' }
  | { name: 'forms_menu' }
  | { name: 'form_start'; templateId: string }
  | { name: 'form_step'; draftId: string; stepId: string; fromReview?: boolean }
  | { name: 'form_card_check'; draftId: string; holder: string; offerLanguage?: Language }
  | { name: 'form_review'; draftId: string }
  | { name: 'form_kept'; draftId: string; code: string; stepId: string }
  | { name: 'form_receipt'; uuid: string }
  | ({ name: 'directory' } & DirectoryQuery)
  | { name: 'directory_detail'; id: string; from: DirectoryQuery }
  | { name: 'notary_fees' }
  | { name: 'legal_aid_guide' }
  | { name: 'legal_knowledge' }
  | { name: 'knowledge_article'; id: string }
  | { name: 'technician' }
  | { name: 'staff' }
  | { name: 'video_call' }
  | { name: 'status_lookup' };
