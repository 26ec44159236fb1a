import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResidentIdentity } from '../../../contract/identity';
import { EventBus } from '../../../main/api/event-bus';
import { CaseService } from '../../../main/cases/case-service';
import { CatalogueService } from '../../../main/catalogue/catalogue-service';
import { CounterService } from '../../../main/counter/counter-service';
import { StaffClient } from '../../../main/counter/staff-client';
import { CaseStore } from '../../../main/store/case-store';
import { keyFileProvider } from '../../../main/store/key-file';
import { LocalStore } from '../../../main/store/local-store';
import { demoCatalogue, startPlatform, type DemoCredentials, type RunningPlatform } from '../../../platform';

/** A resident card as the reader hands it over (fictional holder; a valid GB 11643 number). */
const CARD: ResidentIdentity = {
  kind: 'resident',
  name: '王小红',
  nameEn: null,
  sex: '女',
  sexCode: '2',
  nation: '汉',
  nationCode: '01',
  nationality: null,
  birthDate: '1990-03-07',
  address: '上海市浦东新区示例路88弄6号',
  idNumber: '310115199003070025',
  issuer: '上海市公安局浦东分局',
  validFrom: '2020-01-01',
  validTo: '2040-01-01',
  expired: false,
  photo: null,
};

const SERVICE = 'resident-medical-enrolment';
/** What the citizen, or the clerk for them, answers; everything the card carries is left to the card. */
const ANSWERS = { phone: '13812345678', residency: 'local', hasDisability: false };

describe('prefill from the card: a kiosk case and a walk-in at the counter', () => {
  let platform: RunningPlatform;
  let demo: DemoCredentials;
  let dir: string;
  const log = pino({ level: 'silent' });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tongban-prefill-'));
    platform = await startPlatform({ db: path.join(dir, 'platform.db'), seedDemo: true, rateLimitPerMinute: 100_000 });
    demo = platform.demoCredentials!;
  });

  afterAll(async () => {
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills the same fields with the same values', async () => {
    const prefilled = demoCatalogue.items.find((i) => i.code === SERVICE)!.form.fields.filter((f) => f.prefill);
    expect(prefilled.map((f) => f.prefill).sort()).toEqual(['address', 'birthDate', 'idNumber', 'name', 'sex']);

    const store = LocalStore.open({ file: path.join(dir, 'terminal.db'), keys: keyFileProvider(path.join(dir, 'store.key')) });
    try {
      const cases = new CaseStore(store);
      const kiosk = new CaseService({
        store: cases,
        catalogue: new CatalogueService(async () => demoCatalogue, 'all'),
        identity: () => CARD,
        session: () => ({ id: 'visit-prefill' }),
        sync: { kick: () => undefined, rate: async () => undefined },
        log,
        syncWaitMs: 0,
        terminal: { id: 'kiosk-test', centreName: '测试中心', publicUrl: 'https://tongban.example.gov.cn' },
      });
      const recorded = await kiosk.submit(SERVICE, { ...ANSWERS });
      const kioskForm = cases.readRequest(recorded.caseId)!.form;

      const counter = new CounterService({
        client: new StaffClient({ baseUrl: platform.url }),
        windowName: '1号窗口',
        lockMinutes: 10,
        events: new EventBus(),
        log,
        cardOnReader: () => CARD,
        catalogue: async () => demoCatalogue,
      });
      try {
        expect(await counter.signIn(demo.clerk.username, demo.clerk.password)).toMatchObject({ ok: true });
        const receipt = await counter.createCase({ serviceCode: SERVICE, applicant: { fromCard: true }, values: { ...ANSWERS }, disabled: false });
        const walkIn = await counter.reveal(receipt.caseId, '核对现场受理信息');

        for (const field of prefilled) {
          expect({ field: field.name, walkIn: walkIn.form[field.name] }).toEqual({ field: field.name, walkIn: kioskForm[field.name] });
        }
        expect(kioskForm).toMatchObject({ name: CARD.name, idNumber: CARD.idNumber, sex: '女', birthDate: '1990-03-07', address: CARD.address });
        expect(walkIn.applicant).toEqual({ name: CARD.name, idNumber: CARD.idNumber });
      } finally {
        await counter.dispose();
      }
    } finally {
      store.close();
    }
  });
});
