import { randomUUID } from 'node:crypto';
import type { IntakeRequestInput } from '../../../contract/platform/cases';
import type { LicenceImport } from '../../../contract/platform/licences';
import { startPlatform, type DemoCredentials, type PlatformOptions, type RunningPlatform } from '../../../platform';

// Answers are JSON of many shapes, read field by field in assertions; `any` keeps those readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small client over real HTTP; bodies are parsed as JSON when they are JSON. */
export function client(base: string): Call {
  return async function call(method, path, options = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
    });
    const text = await response.text();
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: body as never };
  };
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  body?: Buffer | string;
  headers?: Record<string, string>;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Call = <T = any>(method: string, path: string, options?: CallOptions) => Promise<Answer<T>>;
export type SignIn = (username: string, password: string) => Promise<string>;

/** A platform started with the demo seed: its kiosk's credential, and the clerk and admin signed in. */
export interface SeededPlatform {
  platform: RunningPlatform;
  demo: DemoCredentials;
  call: Call;
  kiosk: string;
  clerk: string;
  admin: string;
  /** Signs a staff account in (again: a fake clock's new day ends the old session) and gives its token. */
  signIn: SignIn;
}

/**
 * What every platform suite starts from, in one place: the demo seed, a rate limit no test meets
 * (a suite's many calls come from one address) unless the options set their own.
 */
export async function startSeeded(options: Omit<PlatformOptions, 'seedDemo'>): Promise<SeededPlatform> {
  const platform = await startPlatform({ rateLimitPerMinute: 100_000, signInAttemptsPerMinute: 1_000, ...options, seedDemo: true });
  const demo = platform.demoCredentials!;
  const call = client(platform.url);
  const signIn: SignIn = async (username, password) => {
    const answer = await call('POST', '/v1/staff/sessions', { json: { username, password } });
    if (answer.status !== 201) throw new Error(`sign-in of ${username} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.token as string;
  };
  const clerk = await signIn(demo.clerk.username, demo.clerk.password);
  const admin = await signIn(demo.admin.username, demo.admin.password);
  return { platform, demo, call, kiosk: demo.kiosk.credential, clerk, admin, signIn };
}

/** GB 11643 sample numbers with valid check characters. */
export const ELDERLY_ID = '11010519491231002X';
export const YOUNG_ID = '440305199912310011';

export function certificateCase(overrides: Partial<IntakeRequestInput> = {}, idNumber = YOUNG_ID): IntakeRequestInput {
  return {
    caseId: randomUUID(),
    serviceCode: 'si-contribution-certificate',
    submittedAt: new Date().toISOString(),
    visitId: `visit-${randomUUID().slice(0, 8)}`,
    applicant: { name: '李四', idNumber, phone: '13800138000' },
    form: { name: '李四', idNumber, insuranceType: 'all', fromMonth: '2020-01-01', toMonth: '2024-12-01', purpose: 'housing' },
    ...overrides,
  };
}

/**
 * Puts a licence into the platform's own library, as a city's 电子证照库 would hold it: intake
 * refuses a case naming a licence the library does not have for its applicant.
 */
export async function holdLicence(platform: RunningPlatform, licence: Pick<LicenceImport, 'type' | 'number' | 'holderIdNumber'> & Partial<LicenceImport>): Promise<void> {
  await platform.services.licences!.load([{ issuer: '测试市虚构发证机关', holderName: '测试持证人', validFrom: '2020-01-01', validUntil: null, ...licence }]);
}

/**
 * A certificate case of a named applicant whose ID card is named as an electronic licence (its
 * number is the ID number, so it is personal data too), held in the platform's library.
 */
export async function caseWithIdCardLicence(platform: RunningPlatform, name: string, phone: string, idNumber = YOUNG_ID): Promise<IntakeRequestInput> {
  const body = certificateCase({
    applicant: { name, idNumber, phone },
    materials: [{ code: 'id-card', electronicLicence: { type: 'resident-id-card', number: idNumber } }],
  }, idNumber);
  body.form = { ...body.form, name };
  await holdLicence(platform, { type: 'resident-id-card', number: idNumber, holderIdNumber: idNumber });
  return body;
}
