import { notify, request } from './core_method';

/** Whether this terminal is provisioned, and its profile (languages, devices, organisation). */
export const getProvisioning = request('system.provisioning');
/** The first screen is on the glass: the shell measures start-up from here. */
export const reportFirstScreenReady = notify('system.ready');
/** The sign-language clips published for these keys in this language. */
export const lookupSignClips = request('sign.lookup');
