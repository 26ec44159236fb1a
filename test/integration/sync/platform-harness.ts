import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CaseEvent } from '../../../contract/platform/events';
import { startPlatform, type RunningPlatform } from '../../../platform';

/** The reference platform on 127.0.0.1 with a temporary SQLite file, restartable on the same port and file. */
export class PlatformHarness {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'tongban-sync-'));
  readonly db = path.join(this.dir, 'platform.db');
  platform: RunningPlatform | undefined;
  port = 0;

  async start(): Promise<RunningPlatform> {
    this.platform = await startPlatform({ port: this.port, db: this.db, seedDemo: true, rateLimitPerMinute: 1_000_000 });
    this.port = Number(new URL(this.platform.url).port);
    return this.platform;
  }

  async stop(): Promise<void> {
    await this.platform?.close();
    this.platform = undefined;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get kioskCredential(): string {
    return this.platform!.demoCredentials!.kiosk.credential;
  }

  async staffToken(): Promise<string> {
    const { clerk } = this.platform!.demoCredentials!;
    const response = await fetch(`${this.url}/v1/staff/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: clerk.username, password: clerk.password }),
    });
    if (response.status !== 201) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { token: string }).token;
  }

  /** Every event of the centre, through the platform's HTTP API, oldest first. */
  async allEvents(token: string): Promise<CaseEvent[]> {
    const events: CaseEvent[] = [];
    let after = 0;
    for (;;) {
      const response = await fetch(`${this.url}/v1/events?after=${after}&limit=500`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`events answered ${response.status}: ${await response.text()}`);
      const page = (await response.json()) as { events: CaseEvent[]; cursor: number; hasMore: boolean };
      events.push(...page.events);
      after = page.cursor;
      if (!page.hasMore) return events;
    }
  }

  async call(token: string, method: string, route: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
