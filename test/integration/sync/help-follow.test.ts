import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpView } from '../../../contract/terminal/api';
import { HelpService } from '../../../main/help/help-service';
import { silentLogger } from '../../../main/logging/logger';
import { CaseStore } from '../../../main/store/case-store';
import { keyFileProvider } from '../../../main/store/key-file';
import { LocalStore } from '../../../main/store/local-store';
import { PlatformClient } from '../../../main/sync/platform-client';
import { StatusFeed } from '../../../main/sync/status-feed';
import { splitCredential } from './kiosk-fixtures';
import { until } from '../../support/until';
import { PlatformHarness } from './platform-harness';

/**
 * The kiosk's help call followed on the platform's event stream (the one its status feed keeps
 * open), against a real platform over HTTP: no asking after the call while the stream is up,
 * one question when the stream reopens after a gap.
 */
describe('a help call heard on the event stream', () => {
  const harness = new PlatformHarness();
  let store: LocalStore;
  let client: PlatformClient;
  let staff: string;

  beforeAll(async () => {
    await harness.start();
    store = LocalStore.open({ file: path.join(harness.dir, 'kiosk', 'terminal.db'), keys: keyFileProvider(path.join(harness.dir, 'keys', 'store.key')) });
    client = new PlatformClient({ baseUrl: harness.url, credential: splitCredential(harness.kioskCredential), timeoutMs: 2_000, streamIdleMs: 20_000 });
    staff = await harness.staffToken();
  });

  afterAll(async () => {
    store?.close();
    await harness.dispose();
  });

  function kioskHelp(): { help: HelpService; feed: StatusFeed; views: HelpView[]; asked: () => number } {
    let asked = 0;
    const counted = {
      helpCall: client.helpCall.bind(client),
      cancelHelpCall: client.cancelHelpCall.bind(client),
      helpCallState: (id: string) => ((asked += 1), client.helpCallState(id)),
    };
    const views: HelpView[] = [];
    const help = new HelpService({ client: counted, location: '一楼大厅', events: { publish: (_topic, view) => views.push(view as HelpView) }, log: silentLogger() });
    const feed = new StatusFeed({ store, cases: new CaseStore(store), client, pollIntervalMs: 200 });
    feed.on('help', (call) => help.heard(call));
    feed.on('streaming', () => void help.streamOpened());
    return { help, feed, views, asked: () => asked };
  }

  async function streaming(feed: StatusFeed): Promise<void> {
    const open = new Promise<void>((resolve) => feed.once('streaming', resolve));
    feed.start();
    await open;
  }

  it('hears the take from the stream, without once asking after the call', async () => {
    const { help, feed, views, asked } = kioskHelp();
    await streaming(feed);
    try {
      const call = await help.call('form');
      expect(call.state).toBe('waiting');
      expect((await harness.call(staff, 'POST', `/v1/help-calls/${call.callId}/take`, {})).status).toBe(200);
      const heard = await until(() => views.find((v) => v.state === 'coming'), 'the take to reach the kiosk');
      expect(heard).toMatchObject({ callId: call.callId, staffName: expect.any(String) });
      // Waiting past what the old 300 ms poll would have asked several times.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(asked()).toBe(0);
    } finally {
      await feed.stop();
      help.dispose();
    }
  });

  it('asks once when the stream reopens, so a take made while it was down is not missed', async () => {
    const { help, feed, views, asked } = kioskHelp();
    await streaming(feed);
    const call = await help.call('attract');
    await feed.stop();
    try {
      expect((await harness.call(staff, 'POST', `/v1/help-calls/${call.callId}/take`, {})).status).toBe(200);
      expect(views).toEqual([]);
      await streaming(feed);
      await until(() => views.find((v) => v.state === 'coming'), 'the take to reach the kiosk');
      expect(asked()).toBe(1);
    } finally {
      await feed.stop();
      help.dispose();
    }
  });

  it('a cancelled call is cancelled on the platform and told to the page', async () => {
    const { help, feed, views } = kioskHelp();
    await streaming(feed);
    try {
      const call = await help.call('review');
      await help.cancel();
      expect(views.at(-1)).toMatchObject({ callId: call.callId, state: 'cancelled' });
      const state = await client.helpCallState(call.callId);
      expect(state.state).toBe('cancelled');
    } finally {
      await feed.stop();
      help.dispose();
    }
  });
});
