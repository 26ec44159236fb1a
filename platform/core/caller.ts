import type { StaffRole, TerminalKind } from '../../contract/platform/access';
import type { Actor } from '../../contract/platform/cases';
import { forbidden } from './errors';

/** Who is asking, as established by authentication. */
export type Caller =
  | { kind: 'terminal'; id: string; centreId: string; terminalKind: TerminalKind }
  | { kind: 'staff'; id: string; centreId: string; role: StaffRole; username: string; displayName: string; department?: string | null };

export function actorOf(caller: Caller): Actor {
  return { kind: caller.kind, id: caller.id };
}

export function requireCentre(caller: Caller, centreId: string): void {
  if (caller.centreId !== centreId) throw forbidden();
}

export function requireStaff(caller: Caller): Extract<Caller, { kind: 'staff' }> {
  if (caller.kind !== 'staff') throw forbidden('only signed-in counter staff may do this');
  // A technician's account opens the fleet page only: it sees no citizen's case.
  if (caller.role === 'technician') throw forbidden('a technician account works the fleet page only');
  return caller;
}

/** Staff of a department's back office (后台审批), with the department they decide for. */
export function requireBackOffice(caller: Caller): Extract<Caller, { kind: 'staff' }> & { department: string } {
  const staff = requireStaff(caller);
  if (staff.role !== 'back-office' || !staff.department) throw forbidden('only back-office staff of a department may do this');
  return { ...staff, department: staff.department };
}

/** Window staff (and the centre admin): the back office decides, it does not take cases at the window. */
export function requireWindowStaff(caller: Caller): Extract<Caller, { kind: 'staff' }> {
  const staff = requireStaff(caller);
  if (staff.role === 'back-office') throw forbidden('back-office staff decide cases sent to their department; this is a window task');
  return staff;
}

export function requireCentreAdmin(caller: Caller): Extract<Caller, { kind: 'staff' }> {
  const staff = requireStaff(caller);
  if (staff.role !== 'centre-admin') throw forbidden('only a centre administrator may do this');
  return staff;
}
