import { notify, request } from './core_method';

/** Arms the core's card reader for one draft and holder (the card's values go to the draft, never here). */
export const armCardReader = request('idcard.arm');
/** Stops waiting for a card (leaving the screen, or the visitor cancels). */
export const disarmCardReader = notify('idcard.disarm');
