import type { EventPayload } from '../../common/contract';
import { call, subscribe } from '../rpc/api';
import { notify, request } from './core_method';
import { useCoreQuery } from './use_core_query';

/** The signalling link to the hub, open while the call screen is shown. */
export const openVideoLink = request('video.open');
export const closeVideoLink = notify('video.close');
export const sendVideoMessage = request('video.send');

/** The centre's contracted video service, when the provisioning file names one. */
export function useExternalProviderInfo() {
  return useCoreQuery(() => call('video.external.info', {}), []);
}
export const openExternalProvider = request('video.external.open');
export const closeExternalProvider = notify('video.external.close');
/** The contracted service's window closed (the visitor came back, or it failed): returns the unsubscribe. */
export function onExternalProviderEnded(
  listener: (ended: EventPayload<'video.external'>) => void,
): () => void {
  return subscribe('video.external', listener);
}
