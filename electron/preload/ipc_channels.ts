/** The only two IPC channels between the kiosk page and the main process. */
export const INVOKE_CHANNEL = 'kiosk:invoke';
export const EVENT_CHANNEL = 'kiosk:event';
