import { createHash } from 'node:crypto';
import type { NewCase } from '../../../main/store/case-store';

/** GB 11643 sample numbers with valid check characters. */
const IDS = ['440305199912310011', '11010519491231002X'];

/** A minimal PNG header and a payload unique to `n`, so that each scan has its own hash. */
export function scanFor(n: number): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), createHash('sha256').update(`scan ${n}`).digest(), Buffer.alloc(256, n % 251)]);
}

/** Case `n` of a run: mostly certificates, every fifth a residence-permit endorsement with a scanned tenancy contract. */
export function kioskCase(n: number): NewCase {
  const idNumber = IDS[n % IDS.length]!;
  const name = n % 2 === 0 ? '李四' : '王五';
  if (n % 5 === 4) {
    return {
      serviceCode: 'residence-permit-endorsement',
      visitId: `visit-${n}`,
      applicant: { name, idNumber, phone: '13800138000' },
      form: {
        name,
        idNumber,
        phone: '13800138000',
        residencePermitNumber: `440300${String(n).padStart(6, '0')}`,
        currentAddress: '广东省深圳市南山区演示路 1 号',
        housing: 'owned',
      },
      materials: [{ code: 'tenancy-contract', scan: { contentType: 'image/png', data: scanFor(n) } }],
    };
  }
  return {
    serviceCode: 'si-contribution-certificate',
    visitId: `visit-${n}`,
    applicant: { name, idNumber, phone: '13800138000' },
    form: { name, idNumber, insuranceType: 'all', fromMonth: '2020-01-01', toMonth: '2024-12-01', purpose: 'housing' },
  };
}

/** `tbt_<terminalId>.<secret>` as the platform issues it, split the way the terminal's config holds it. */
export function splitCredential(credential: string): { terminalId: string; secret: string } {
  const match = /^tbt_([^.]+)\.(.+)$/.exec(credential);
  if (!match) throw new Error(`not a terminal credential: ${credential.slice(0, 8)}…`);
  return { terminalId: match[1]!, secret: match[2]! };
}
