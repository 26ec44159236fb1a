import { createHash } from 'node:crypto';
import type { ContributionCertificateData } from '../../contract/platform/certificates';

const EMPLOYERS = ['演示科技有限公司', '演示物业服务有限公司', '演示餐饮管理有限公司'];

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const share = (base: number, rate: number) => Math.round((base * rate) / 100);

/**
 * Contribution records for the demo and training: fictional, but the same for the same person
 * every time (seeded by the ID number), at the usual contribution rates. A real deployment
 * reads them from the social-insurance system instead.
 */
export function demoContributionMonths(idNumber: string, from: string, to: string): Pick<ContributionCertificateData, 'insurances' | 'months'> & { insuredSince: string } {
  const seed = createHash('sha256').update(idNumber).digest();
  const insuredSince = `20${String(10 + (seed[0] as number) % 10)}-${String(1 + ((seed[1] as number) % 12)).padStart(2, '0')}`;
  const employer = EMPLOYERS[(seed[2] as number) % EMPLOYERS.length] as string;
  const baseYuan = 6000 + ((seed[3] as number) % 40) * 100;
  const months = monthsBetween(from < insuredSince ? insuredSince : from, to).map((month, index) => {
    const base = (baseYuan + Math.floor(index / 12) * 300) * 100;
    return {
      month,
      employer,
      base,
      pension: { employer: share(base, 16), personal: share(base, 8) },
      medical: { employer: share(base, 9.5), personal: share(base, 2) },
      unemployment: { employer: share(base, 0.5), personal: share(base, 0.5) },
      injury: share(base, 0.4),
      paid: true,
    };
  });
  const since = insuredSince;
  return {
    insuredSince,
    insurances: [
      { type: 'pension', status: '参保缴费', since },
      { type: 'medical', status: '参保缴费', since },
      { type: 'unemployment', status: '参保缴费', since },
      { type: 'injury', status: '参保缴费', since },
    ],
    months,
  };
}
