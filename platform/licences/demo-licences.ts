import type { LicenceImport } from '../../contract/platform/licences';

const CIVIL = '测试市虚构区民政局';
const POLICE = '测试市公安局演示分局';
const DISABLED = '测试市虚构区残疾人联合会';

/**
 * The demo library: licences of the ID-card simulator's fictional holders (drivers/idcard/simulator/
 * cards.ts; the numbers are those cards' numbers, copied here so the platform does not depend on
 * a driver). Every issuer is fictional. Chosen so each of the library's answers can be shown:
 * 张三 holds a marriage certificate, 李四 does not, 赵老伯's disability certificate has expired.
 */
export const DEMO_LICENCES: readonly LicenceImport[] = [
  // 测试张三 (card "resident")
  { type: 'resident-id-card', number: '110101198503120017', issuer: POLICE, holderIdNumber: '110101198503120017', holderName: '测试张三', validFrom: '2020-01-05', validUntil: '2040-01-05' },
  { type: 'household-register', number: 'HJ-110101-0000317', issuer: POLICE, holderIdNumber: '110101198503120017', holderName: '测试张三', validFrom: '2012-05-20', validUntil: null },
  { type: 'marriage-certificate', number: 'J110101-2012-000123', issuer: CIVIL, holderIdNumber: '110101198503120017', holderName: '测试张三', validFrom: '2012-05-20', validUntil: null },
  // 测试李四 (card "resident-female"): her ID card only, no marriage certificate
  { type: 'resident-id-card', number: '640104199211300021', issuer: POLICE, holderIdNumber: '640104199211300021', holderName: '测试李四', validFrom: '2019-03-01', validUntil: '2039-03-01' },
  // 测试王五 (card "long-address"): a residence permit that ran out
  { type: 'residence-permit', number: 'JZ-310104-2023-0042', issuer: POLICE, holderIdNumber: '31010419900909001X', holderName: '测试王五', validFrom: '2023-07-01', validUntil: '2025-06-30' },
  { type: 'marriage-certificate', number: 'J310104-2018-000456', issuer: CIVIL, holderIdNumber: '31010419900909001X', holderName: '测试王五', validFrom: '2018-10-01', validUntil: null },
  // 测试赵老伯 (card "long-term"): a disability certificate past its date
  { type: 'resident-id-card', number: '320102194801010016', issuer: POLICE, holderIdNumber: '320102194801010016', holderName: '测试赵老伯', validFrom: '2010-01-01', validUntil: null },
  { type: 'disability-certificate', number: '32010219480101001641', issuer: DISABLED, holderIdNumber: '320102194801010016', holderName: '测试赵老伯', validFrom: '2016-07-01', validUntil: '2026-06-30' },
  { type: 'household-register', number: 'HJ-320102-0000016', issuer: POLICE, holderIdNumber: '320102194801010016', holderName: '测试赵老伯', validFrom: '1990-01-01', validUntil: null },
  // 测试孙艾克斯 (card "x-check"): a valid disability certificate
  { type: 'resident-id-card', number: '44010619870704048X', issuer: POLICE, holderIdNumber: '44010619870704048X', holderName: '测试孙艾克斯', validFrom: '2018-09-01', validUntil: '2038-09-01' },
  { type: 'disability-certificate', number: '44010619870704048X62', issuer: DISABLED, holderIdNumber: '44010619870704048X', holderName: '测试孙艾克斯', validFrom: '2022-01-10', validUntil: '2032-01-10' },
  // 测试周过期 (card "expired"): the licence of an expired card is expired too
  { type: 'resident-id-card', number: '420102197505050010', issuer: POLICE, holderIdNumber: '420102197505050010', holderName: '测试周过期', validFrom: '2004-01-01', validUntil: '2024-01-01' },
];
