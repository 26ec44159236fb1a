import type { DocumentType, DocumentTypeId } from './types';

/** 常住人口登记卡: the resident page of the household register (户口簿). */
const householdRegister: DocumentType = {
  id: 'household-register',
  title: '常住人口登记卡',
  langs: 'chi_sim',
  fields: [
    { labels: ['姓名'], field: 'name', kind: 'name' },
    { labels: ['户主或与户主关系'], field: 'relationToHead', kind: 'text' },
    { labels: ['曾用名'], field: 'formerName', kind: 'name' },
    { labels: ['性别'], field: 'sex', kind: 'sex' },
    { labels: ['民族'], field: 'ethnicity', kind: 'text' },
    { labels: ['出生日期'], field: 'birthDate', kind: 'date' },
    { labels: ['出生地'], field: 'birthPlace', kind: 'text' },
    { labels: ['籍贯'], field: 'nativePlace', kind: 'text' },
    { labels: ['公民身份号码', '公民身份证件编号'], field: 'idNumber', kind: 'idNumber' },
    { labels: ['住址'], field: 'address', kind: 'text' },
    { labels: ['文化程度'], field: 'education', kind: 'text' },
    { labels: ['婚姻状况'], field: 'maritalStatus', kind: 'text' },
    { labels: ['登记日期'], field: 'registrationDate', kind: 'date' },
  ],
};

/** 结婚证: the inner page with the registration and both parties. */
const marriageCertificate: DocumentType = {
  id: 'marriage-certificate',
  title: '结婚证',
  langs: 'chi_sim',
  fields: [
    { labels: ['持证人'], field: 'holder', kind: 'name' },
    { labels: ['登记日期'], field: 'registrationDate', kind: 'date' },
    { labels: ['结婚证字号'], field: 'certificateNumber', kind: 'certificateNumber' },
    { labels: ['姓名'], field: 'parties.{n}.name', kind: 'name', repeats: true },
    { labels: ['性别'], field: 'parties.{n}.sex', kind: 'sex', repeats: true },
    { labels: ['国籍'], field: 'parties.{n}.nationality', kind: 'text', repeats: true },
    { labels: ['出生日期'], field: 'parties.{n}.birthDate', kind: 'date', repeats: true },
    { labels: ['身份证件号', '身份证号'], field: 'parties.{n}.idNumber', kind: 'idNumber', repeats: true },
  ],
};

/** 居住证: the residence permit card of a province (e.g. 广东省居住证), front and back on one page. */
const residencePermit: DocumentType = {
  id: 'residence-permit',
  title: '居住证',
  langs: 'chi_sim',
  fields: [
    { labels: ['姓名'], field: 'name', kind: 'name' },
    { labels: ['性别'], field: 'sex', kind: 'sex' },
    { labels: ['民族'], field: 'ethnicity', kind: 'text' },
    { labels: ['出生'], field: 'birthDate', kind: 'date' },
    { labels: ['公民身份号码'], field: 'idNumber', kind: 'idNumber' },
    { labels: ['户籍地址'], field: 'householdAddress', kind: 'text' },
    // Named as the 居住证签注 form names them: the permit's address is the current one to confirm.
    { labels: ['居住地址'], field: 'currentAddress', kind: 'text' },
    { labels: ['居住证编号'], field: 'residencePermitNumber', kind: 'permitNumber' },
    { labels: ['签发机关'], field: 'issuer', kind: 'text' },
    { labels: ['签发日期'], field: 'issueDate', kind: 'date' },
    { labels: ['有效期至'], field: 'validTo', kind: 'expiryDate' },
  ],
};

/** 社会保障卡 (the card's face): the social security number is the citizen's ID number. */
const socialSecurityCard: DocumentType = {
  id: 'social-security-card',
  title: '社会保障卡',
  langs: 'chi_sim',
  fields: [
    { labels: ['姓名'], field: 'name', kind: 'name' },
    { labels: ['社会保障号码'], field: 'idNumber', kind: 'idNumber' },
    { labels: ['社会保障卡号'], field: 'cardNumber', kind: 'socialSecurityCardNumber' },
    { labels: ['发卡日期'], field: 'issueDate', kind: 'date' },
  ],
};

/** A bank card's face: the number is found by its shape and its Luhn check, not by a label. */
const bankCard: DocumentType = {
  id: 'bank-card',
  title: '银行卡',
  langs: 'chi_sim+eng',
  fields: [
    { labels: [], field: 'bankName', kind: 'bankName' },
    { labels: [], field: 'bankCardNumber', kind: 'bankCardNumber', threshold: 80 },
  ],
};

/** 中华人民共和国残疾人证 (second generation): the certificate number is the ID number plus category and grade. */
const disabilityCertificate: DocumentType = {
  id: 'disability-certificate',
  title: '残疾人证',
  langs: 'chi_sim',
  fields: [
    { labels: ['姓名'], field: 'name', kind: 'name' },
    { labels: ['性别'], field: 'sex', kind: 'sex' },
    { labels: ['出生日期'], field: 'birthDate', kind: 'date' },
    { labels: ['残疾人证号'], field: 'certificateNumber', kind: 'disabilityNumber', threshold: 80 },
    { labels: ['残疾类别'], field: 'disabilityCategory', kind: 'disabilityCategory' },
    { labels: ['残疾等级'], field: 'disabilityGrade', kind: 'disabilityGrade' },
    { labels: ['住址'], field: 'address', kind: 'text' },
    { labels: ['签发日期'], field: 'issueDate', kind: 'date' },
    { labels: ['有效期至'], field: 'validTo', kind: 'expiryDate' },
  ],
};

export const documentTypes: Record<DocumentTypeId, DocumentType> = {
  'household-register': householdRegister,
  'marriage-certificate': marriageCertificate,
  'residence-permit': residencePermit,
  'social-security-card': socialSecurityCard,
  'bank-card': bankCard,
  'disability-certificate': disabilityCertificate,
};

/** Below this a read value must be confirmed; checked values (ID numbers, Luhn) set their own. */
export const DEFAULT_THRESHOLD = 90;
const CHECKED_KINDS = new Set(['idNumber']);

export function thresholdOf(spec: DocumentType['fields'][number]): number {
  return spec.threshold ?? (CHECKED_KINDS.has(spec.kind) ? 80 : DEFAULT_THRESHOLD);
}
