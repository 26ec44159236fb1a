import { writeFileSync } from 'node:fs';
import * as D from '/work/main/test/fixtures/ocr/documents';
const browser = await D.launchChromium();
const doc = D.householdRegisterDocument({name:'张伟',relation:'户主',sex:'男',ethnicity:'汉',birthDate:[1985,3,12],birthPlace:'广东省深圳市',idNumber:'440304198503120017',address:'广东省深圳市福田区莲花街道景田北路88号',registrationDate:[2015,6,1]}, 'serif');
writeFileSync('/tmp/hh300.png', await D.renderDocument(browser, doc, 300));
await browser.close();
