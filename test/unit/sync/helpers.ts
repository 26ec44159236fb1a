import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NewCase } from '../../../main/store/case-store';

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid GB 11643 number (check character verified) and a name that appears nowhere else. */
export const CITIZEN = { name: '欧阳翠花', idNumber: '440305199912310011', phone: '13912345678' };

export function certificateCase(overrides: Partial<NewCase> = {}): NewCase {
  return {
    serviceCode: 'si-contribution-certificate',
    visitId: 'visit-0001',
    applicant: { ...CITIZEN },
    form: { name: CITIZEN.name, idNumber: CITIZEN.idNumber, insuranceType: 'all', fromMonth: '2020-01-01', toMonth: '2024-12-01', purpose: 'housing' },
    ...overrides,
  };
}
