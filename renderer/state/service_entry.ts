import type { Screen, ServiceId } from './screens';

/** Where each home-screen tile leads. */
export function serviceEntry(service: ServiceId): Screen {
  switch (service) {
    case 'legal_aid':
      return { name: 'form_start', templateId: 'legal_aid_application' };
    case 'consultation':
      // Free one-stop consultation on employment, marriage and family, social security (policy §3).
      return { name: 'form_start', templateId: 'legal_consultation_request' };
    case 'home_visit':
      return { name: 'form_start', templateId: 'home_visit_booking' };
    case 'mediation':
      // People's mediation committees sit at every station (policy §1); free and voluntary.
      return { name: 'form_start', templateId: 'mediation_request' };
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
