import { useEffect, useRef, useState } from 'react';
import type { KindAvailability } from '../../common/video/roster';
import { availability } from '../../common/video/roster';
import type { ServerMessage } from '../../common/video/signal_messages';
import { subscribe } from '../rpc/api';
import { closeVideoLink, openVideoLink } from './video_data';

export type LinkState =
  | { status: 'opening' }
  | { status: 'unavailable'; reason: 'not_provisioned' | 'hub_unreachable' | 'refused'; centrePhone: string }
  | {
      status: 'open';
      iceServers: RTCIceServer[];
      centrePhone: string;
      lines: KindAvailability[];
      /** The roster is the centre's demo data: the screen says so beside the times. */
      sampleTimes: boolean;
    };

/**
 * Opens the core's signalling link while the call screen is shown (the core tells the shell, which then allows
 * the camera) and closes it when the screen goes. `onMessage` gets every hub message of a call.
 */
export function useVideoLink(onMessage: (message: ServerMessage) => void): LinkState {
  const [state, setState] = useState<LinkState>({ status: 'opening' });
  const handler = useRef(onMessage);
  handler.current = onMessage;
  useEffect(() => {
    let alive = true;
    let centrePhone = '';
    let pendingPresence: Extract<ServerMessage, { type: 'presence' }> | null = null;
    const offMessage = subscribe('video.message', (message) => {
      if (!alive) return;
      if (message.type === 'presence') {
        setState((current) =>
          current.status === 'open'
            ? {
                ...current,
                lines: availability(message.roster, message.freeKinds, new Date()),
                sampleTimes: message.roster.sample === true,
              }
            : current,
        );
        pendingPresence = message;
      }
      handler.current(message);
    });
    const offLink = subscribe('video.link', () => {
      if (alive) setState({ status: 'unavailable', reason: 'hub_unreachable', centrePhone });
    });
    void openVideoLink({}).then(
      (opened) => {
        if (!alive) return;
        centrePhone = opened.centrePhone;
        if (!opened.ok) return setState({ status: 'unavailable', reason: opened.reason, centrePhone });
        // An event that arrived while opening is newer than the snapshot the core answered with.
        const presence = pendingPresence ?? opened.presence;
        setState({
          status: 'open',
          iceServers: opened.iceServers,
          centrePhone,
          lines: presence ? availability(presence.roster, presence.freeKinds, new Date()) : [],
          sampleTimes: presence?.roster.sample === true,
        });
      },
      () => alive && setState({ status: 'unavailable', reason: 'hub_unreachable', centrePhone }),
    );
    return () => {
      alive = false;
      offMessage();
      offLink();
      closeVideoLink({});
    };
  }, []);
  return state;
}
