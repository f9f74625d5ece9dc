import type { z } from 'zod';
import type { MethodSpec } from './define';
import { directoryMethods } from './directory_methods';
import { formsMethods } from './forms_methods';
import { idCardMethods } from './idcard_methods';
import { printMethods } from './print_methods';
import { signMethods } from './sign_methods';
import { speechMethods } from './speech_methods';
import { staffMethods } from './staff_methods';
import { statusMethods } from './status_methods';
import { syncMethods } from './sync_methods';
import { systemMethods } from './system_methods';
import { technicianMethods } from './technician_methods';
import { videoExternalMethods } from './video_external_methods';
import { videoMethods } from './video_methods';

/**
 * The whole RPC surface of the kiosk core. The renderer imports only types from here;
 * the core validates every call against these schemas. Feature modules add their method tables here.
 */
export const contract = {
  ...systemMethods,
  ...formsMethods,
  ...idCardMethods,
  ...printMethods,
  ...speechMethods,
  ...technicianMethods,
  ...directoryMethods,
  ...syncMethods,
  ...staffMethods,
  ...statusMethods,
  ...videoMethods,
  ...videoExternalMethods,
  ...signMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodArgs<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Contract[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Contract[M]['result']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export { LOCKED, ROLES, type Role } from './define';
export * from './events';
export * from './rpc_envelope';
