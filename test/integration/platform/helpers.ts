import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { IntakeRequestInput } from '../../../contract/platform/cases';
import { startPlatform, type DemoCredentials, type RunningPlatform } from '../../../platform';

// Answers are JSON of many shapes, read field by field in assertions; `any` keeps those readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small client over real HTTP; bodies are parsed as JSON when they are JSON. */
export function client(base: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return async function call<T = any>(
    method: string,
    path: string,
    options: { token?: string; json?: unknown; body?: Buffer | string; headers?: Record<string, string> } = {},
  ): Promise<Answer<T>> {
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
    return { status: response.status, headers: response.headers, body: body as T };
  };
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

/** A platform started with the demo seed: its kiosk's credential, and staff signed in through the API. */
export interface SeededPlatform {
  platform: RunningPlatform;
  demo: DemoCredentials;
  call: ReturnType<typeof client>;
  kiosk: string;
  clerk: string;
  admin: string;
  /** Signs a staff account in (again: a fake clock's new day ends the old session) and gives its token. */
  signIn(username: string, password: string): Promise<string>;
}

/** What every platform suite starts from: one place that seeds the demo and signs the clerk and admin in. */
export async function startSeeded(options: Omit<Parameters<typeof startPlatform>[0], 'seedDemo'>): Promise<SeededPlatform> {
  const platform = await startPlatform({ ...options, seedDemo: true });
  const demo = platform.demoCredentials!;
  const call = client(platform.url);
  const signIn = async (username: string, password: string) => {
    const answer = await call('POST', '/v1/staff/sessions', { json: { username, password } });
    expect(answer.status, `sign-in of ${username}`).toBe(201);
    return answer.body.token as string;
  };
  return {
    platform,
    demo,
    call,
    kiosk: demo.kiosk.credential,
    clerk: await signIn(demo.clerk.username, demo.clerk.password),
    admin: await signIn(demo.admin.username, demo.admin.password),
    signIn,
  };
}
