import type { CoreDeps } from '../core_deps';
import type { Handlers, RoleGate } from '../rpc/dispatcher';
import { PinLock, settingsPinLockStore } from './pin_lock';
import { PIN_IDLE_LOCK_MS, PinSession } from './pin_session';

type PinMethod = 'staff.unlock' | 'staff.lock' | 'staff.status' | 'technician.unlock' | 'technician.lock';

export interface PinSessions {
  staff: PinSession;
  technician: PinSession;
  /** The dispatcher's gate: a staff or technician call passes (and keeps its mode open) only while unlocked. */
  gate: RoleGate;
}

/** The two PIN-protected modes, each with its PIN from the provisioning and its lockout kept in settings. */
export function startPinSessions(deps: CoreDeps): PinSessions {
  const session = (pinHash: string | null, role: 'staff' | 'technician') =>
    new PinSession(
      pinHash,
      new PinLock(settingsPinLockStore(deps.db, role), deps.clock),
      deps.clock,
      PIN_IDLE_LOCK_MS,
    );
  const staff = session(deps.config?.staff?.pinHash ?? null, 'staff');
  const technician = session(deps.config?.technicianPinHash ?? null, 'technician');
  return { staff, technician, gate: (role) => (role === 'staff' ? staff : technician).touch() };
}

export interface PinModes {
  staff: PinSession;
  technician: PinSession;
  /** Who the audit names for staff actions (`<staff id>@<terminal>`). */
  staffActor: string;
  /** Technician mode closed: whatever it opened (camera/microphone test) closes too. */
  onTechnicianLock: () => void;
}

/** Opening and closing the two PIN-protected modes; every unlock, wrong PIN and staff lock is audited. */
export function pinHandlers(deps: CoreDeps, modes: PinModes): Pick<Handlers, PinMethod> {
  const { staff, technician, staffActor } = modes;
  return {
    'staff.unlock': async ({ pin }) => {
      const outcome = await staff.unlock(pin);
      if (outcome.ok) deps.audit.record(staffActor, 'staff.unlock');
      else if (outcome.reason !== 'not_configured') deps.audit.record(staffActor, 'staff.pin_wrong');
      return outcome;
    },
    'staff.lock': () => {
      if (staff.isUnlocked()) deps.audit.record(staffActor, 'staff.lock');
      staff.lock();
      return { ok: true };
    },
    'staff.status': () => ({ unlocked: staff.isUnlocked(), configured: staff.configured }),
    'technician.unlock': async ({ pin }) => {
      const outcome = await technician.unlock(pin);
      if (outcome.ok) deps.audit.record('technician', 'technician.unlock');
      else if (outcome.reason !== 'not_configured') deps.audit.record('technician', 'technician.pin_wrong');
      return outcome;
    },
    'technician.lock': () => {
      technician.lock();
      modes.onTechnicianLock();
      return { ok: true };
    },
  };
}
