import type { FastifyRequest } from 'fastify';
import type { Caller } from './caller';
import { notFound } from './errors';

/**
 * What a citizen at a kiosk can show to prove a case is theirs when it was submitted at another
 * kiosk: the last four characters of their ID number (with the case number in the URL). The
 * receipt's code (issue 14) is meant to join here as another field.
 */
export interface CaseProof {
  idLast4?: string;
}

/** The `X-Case-Proof: id-last4=002X` header of a kiosk's request, as a proof. */
export function caseProofOf(request: FastifyRequest): CaseProof {
  const header = request.headers['x-case-proof'];
  const text = Array.isArray(header) ? header[0] : header;
  const proof: CaseProof = {};
  for (const part of (text ?? '').split(';')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (key === 'id-last4' && value && /^\d{3}[\dXx]$/.test(value)) proof.idLast4 = value.toUpperCase();
  }
  return proof;
}

/** True when the proof shows the citizen present is the case's applicant. */
export function proveCaseOwnership(applicantIdNumber: string, proof: CaseProof): boolean {
  return proof.idLast4 !== undefined && applicantIdNumber.slice(-4) === proof.idLast4;
}

const MAX_FAILED_PROOFS = 5;

/** The parts of a case row who may see it depends on. */
export interface CaseOwner {
  id: string;
  centreId: string;
  terminalId: string;
  applicantIdNumber: () => string;
}

/**
 * Who may touch a case. Staff and counter terminals: the cases of their centre. A kiosk: the
 * cases it submitted, or one the citizen at it has proved to be theirs. Anything else answers
 * exactly like a case that does not exist, so nobody learns which case ids are real. After
 * `MAX_FAILED_PROOFS` wrong proofs a case takes no more proofs (until the platform restarts):
 * four digits are too few to survive guessing.
 */
export class CaseAccess {
  private readonly failedProofs = new Map<string, number>();

  /** How the caller may touch the case: as its centre, as the kiosk that made it, or by the citizen's proof. */
  check(caller: Caller, owner: CaseOwner, proof: CaseProof = {}): 'centre' | 'owner' | 'proof' {
    const hidden = notFound(`case ${owner.id}`);
    if (caller.centreId !== owner.centreId) throw hidden;
    if (caller.kind === 'staff' || caller.terminalKind !== 'kiosk') return 'centre';
    if (owner.terminalId === caller.id) return 'owner';
    if (proof.idLast4 === undefined) throw hidden;
    const failures = this.failedProofs.get(owner.id) ?? 0;
    if (failures >= MAX_FAILED_PROOFS) throw hidden;
    if (proveCaseOwnership(owner.applicantIdNumber(), proof)) return 'proof';
    this.failedProofs.set(owner.id, failures + 1);
    throw hidden;
  }
}
