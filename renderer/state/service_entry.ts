import type { Screen, ServiceId } from './screens';

/** Where each home-screen tile leads. */
export function serviceEntry(service: ServiceId): Screen {
  switch (service) {
    case 'legal_aid':
      return { name: 'form_start', templateId: 'legal_aid_application' };
    case 'home_visit':
      return { name: 'form_start', templateId: 'home_visit_booking' };
    case 'directory':
      return { name: 'directory' };
    case 'notary_fees':
      return { name: 'notary_fees' };
    case 'legal_knowledge':
      return { name: 'legal_knowledge' };
    case 'video_call':
      return { name: 'video_call' };
    case 'status_lookup':
      return { name: 'status_lookup' };
  }
}
