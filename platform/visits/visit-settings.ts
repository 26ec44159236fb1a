import { VisitSettings, type VisitSettingsInput } from '../../contract/platform/visits';
import type { PlatformContext } from '../core/context';

/** Each centre's visit settings (slots, windows, grace, SMS threshold); the defaults until an admin sets them. */
export class VisitSettingsStore {
  constructor(private readonly ctx: PlatformContext) {}

  async get(centreId: string): Promise<VisitSettings> {
    const row = await this.ctx.db.get<{ body: string }>('SELECT body FROM visit_settings WHERE centre_id = ?', [centreId]);
    return VisitSettings.parse(row ? JSON.parse(row.body) : {});
  }

  async put(centreId: string, input: VisitSettingsInput): Promise<VisitSettings> {
    const settings = VisitSettings.parse(input);
    await this.ctx.db.run('INSERT INTO visit_settings (centre_id, body) VALUES (?, ?) ON CONFLICT (centre_id) DO UPDATE SET body = excluded.body', [
      centreId,
      JSON.stringify(settings),
    ]);
    return settings;
  }
}
