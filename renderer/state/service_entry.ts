import type { Screen, ServiceId } from './screens';

/** Where each home-screen tile leads. A service without a screen yet leads to the honest placeholder. */
export function serviceEntry(service: ServiceId): Screen {
  switch (service) {
    default:
      return { name: 'coming_soon', service };
  }
}
