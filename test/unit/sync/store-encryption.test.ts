import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseStore } from '../../../main/store/case-store';
import { CaseInputError, StoreError, StoreKeyError } from '../../../main/store/errors';
import { FieldCipher } from '../../../main/store/field-cipher';
import { commandKeyProvider, keyFileProvider } from '../../../main/store/key-file';
import { LocalStore } from '../../../main/store/local-store';
import { certificateCase, CITIZEN, tempDir } from './helpers';

const SCAN = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from('TENANCY-CONTRACT-OF-OUYANG-ROOM-1203')]);

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((fn) => fn());
  cleanup = [];
});

function setup() {
  const tmp = tempDir('tongban-store-');
  cleanup.push(tmp.remove);
  const file = path.join(tmp.dir, 'data', 'terminal.db');
  const keyFile = path.join(tmp.dir, 'keys', 'store.key');
  const open = (key = keyFile) => {
    const store = LocalStore.open({ file, keys: keyFileProvider(key) });
    cleanup.unshift(() => store.close());
    return store;
  };
  return { dir: tmp.dir, file, keyFile, open };
}

function rawBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

describe('the terminal store at rest', () => {
  it('gives back what it sealed: the request and the scan', () => {
    const { open } = setup();
    const store = open();
    const cases = new CaseStore(store);
    const recorded = cases.record(
      certificateCase({ serviceCode: 'residence-permit-endorsement', materials: [{ code: 'tenancy-contract', scan: { contentType: 'image/png', data: SCAN } }] }),
    );
    const request = cases.readRequest(recorded.caseId)!;
    expect(request.applicant).toEqual(CITIZEN);
    expect(request.form.name).toBe(CITIZEN.name);
    expect(request.materials[0]!.blob).toBe(recorded.materials[0]!.sha256);
    expect(cases.pendingUploads(recorded.caseId)).toHaveLength(1);
    expect(cases.materialBytes(recorded.caseId, 0).equals(SCAN)).toBe(true);
    expect(cases.get(recorded.caseId)).toMatchObject({ serviceCode: 'residence-permit-endorsement', sync: { state: 'pending' }, status: null });
  });

  it('finds a case by the tail of its id, as the short case number on a receipt gives it', () => {
    const { open } = setup();
    const cases = new CaseStore(open());
    const first = cases.record(certificateCase());
    cases.record(certificateCase({ visitId: 'visit-0002' }));
    const tail = first.caseId.replace(/-/g, '').slice(-8).toUpperCase();
    expect(cases.byIdSuffix(`${tail.slice(0, 4)}-${tail.slice(4)}`).map((c) => c.caseId)).toEqual([first.caseId]);
    expect(cases.byIdSuffix('zzzz')).toEqual([]);
  });

  it('keeps the name, the ID number and the scan out of the database files', () => {
    const { file, open } = setup();
    const store = open();
    new CaseStore(store).record(certificateCase({ materials: [{ code: 'id-card', scan: { contentType: 'image/png', data: SCAN } }] }));
    const bytes = rawBytes(file);
    // The clear columns are in these very bytes, so a miss below is the encryption, not the wrong file.
    expect(bytes.includes(Buffer.from('si-contribution-certificate'))).toBe(true);
    expect(bytes.includes(Buffer.from(CITIZEN.name, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from(CITIZEN.idNumber))).toBe(false);
    expect(bytes.includes(Buffer.from(CITIZEN.phone))).toBe(false);
    expect(bytes.includes(Buffer.from('TENANCY-CONTRACT-OF-OUYANG'))).toBe(false);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const checkpointed = readFileSync(file);
    expect(checkpointed.includes(Buffer.from('si-contribution-certificate'))).toBe(true);
    expect(checkpointed.includes(Buffer.from(CITIZEN.name, 'utf8'))).toBe(false);
    expect(checkpointed.includes(Buffer.from(CITIZEN.idNumber))).toBe(false);
  });

  it('refuses to open the store with another key, and says so', () => {
    const { dir, open } = setup();
    const store = open();
    new CaseStore(store).record(certificateCase());
    store.close();
    expect(() => open(path.join(dir, 'other-keys', 'store.key'))).toThrow(StoreKeyError);
    expect(() => open(path.join(dir, 'other-keys', 'store.key'))).toThrow(/does not open this store: it was created under another key/);
  });

  it('creates the key file readable by its owner only, and refuses one others can read', () => {
    const { keyFile, open } = setup();
    open().close();
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(keyFile)).mode & 0o777).toBe(0o700);
    chmodSync(keyFile, 0o644);
    expect(() => open()).toThrow(StoreError);
    expect(() => open()).toThrow(/mode 644.*chmod 600/);
  });

  it('refuses a key file that holds no key', () => {
    const { keyFile, open } = setup();
    open().close();
    writeFileSync(keyFile, 'not a key\n', { mode: 0o600 });
    expect(() => open()).toThrow(/does not hold a base64 32-byte key/);
  });

  it('takes the key from a command instead (keyring or TPM), and names a command that fails', () => {
    const { file, keyFile, open } = setup();
    const store = open();
    const { caseId } = new CaseStore(store).record(certificateCase());
    store.close();
    const viaCommand = LocalStore.open({ file, keys: commandKeyProvider(['cat', keyFile]) });
    cleanup.unshift(() => viaCommand.close());
    expect(new CaseStore(viaCommand).readRequest(caseId)!.applicant.name).toBe(CITIZEN.name);
    expect(() => LocalStore.open({ file, keys: commandKeyProvider(['false']) })).toThrow(/the key command false failed with exit status 1/);
    expect(() => LocalStore.open({ file, keys: commandKeyProvider(['echo', 'short']) })).toThrow(/does not hold a base64 32-byte key/);
  });

  it('binds each sealed value to its place, so a value moved to another row does not open', () => {
    const cipher = new FieldCipher(Buffer.alloc(32, 7), 'test key', 'test.db');
    const sealed = cipher.seal('欧阳翠花', 'cases:a:request');
    expect(cipher.openText(sealed, 'cases:a:request')).toBe('欧阳翠花');
    expect(() => cipher.open(sealed, 'cases:b:request')).toThrow(/cases:b:request does not open with the test key/);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => cipher.open(tampered, 'cases:a:request')).toThrow(StoreKeyError);
  });

  it('refuses a case whose ID number fails its check, naming the field, and records nothing', () => {
    const { open } = setup();
    const cases = new CaseStore(open());
    expect(() => cases.record(certificateCase({ applicant: { ...CITIZEN, idNumber: '440305199912310012' } }))).toThrow(CaseInputError);
    let thrown: unknown;
    try {
      cases.record(certificateCase({ applicant: { ...CITIZEN, phone: '12' } }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CaseInputError);
    expect((thrown as CaseInputError).field).toBe('applicant.phone');
    expect(cases.count()).toBe(0);
    expect(cases.outboxDepth()).toBe(0);
  });
});
