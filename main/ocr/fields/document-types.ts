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

export const documentTypes: Record<DocumentTypeId, DocumentType> = {
  'household-register': householdRegister,
  'marriage-certificate': marriageCertificate,
};
