import { randomUUID } from 'node:crypto';
import { errorMessage } from '../../common/errors';
import type { PostgresDatabase } from '../store/postgres';
import type { PostgresRelay } from './postgres-relay';

export type SlotRefusal = { refused: 'caller' | 'overall'; held: number };

/**
 * The event streams open across a city's processes, as rows of `stream_slots`, each in the name
 * of the holding process's LISTEN session (its backend pid). A slot counts while that session
 * lives, so a process that dies frees its slots the moment PostgreSQL sees its connection go:
 * nothing to expire, no heartbeat. Taking a slot is one short transaction under an advisory
 * lock, so two processes cannot both take the last one; it happens once per stream, not per
 * request.
 */
export class PostgresStreamSlots {
  private readonly mine = new Set<string>();

  constructor(
    private readonly db: PostgresDatabase,
    private readonly relay: PostgresRelay,
    private readonly log: (line: string) => void,
  ) {
    let holder = relay.backendPid((pid) => {
      // A new LISTEN session after a reconnection: this process's slots move to it.
      const previous = holder;
      holder = pid;
      if (previous !== pid && this.mine.size > 0) {
        this.db.run('UPDATE stream_slots SET holder = ? WHERE holder = ?', [pid, previous]).catch((error: unknown) => this.log(`cluster: moving stream slots failed: ${errorMessage(error)}`));
      }
    });
  }

  async take(key: string, perCaller: number, overall: number): Promise<SlotRefusal | (() => void)> {
    const id = randomUUID();
    const refusal = await this.db.transaction(async (tx) => {
      await tx.run("SELECT pg_advisory_xact_lock(hashtext('tongban-stream-slots'))");
      await tx.run('DELETE FROM stream_slots WHERE holder NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL)');
      const counts = await tx.get<{ mine: number; total: number }>(
        'SELECT COUNT(*) FILTER (WHERE caller_key = ?) AS mine, COUNT(*) AS total FROM stream_slots',
        [key],
      );
      if (counts!.mine >= perCaller) return { refused: 'caller' as const, held: counts!.mine };
      if (counts!.total >= overall) return { refused: 'overall' as const, held: counts!.total };
      await tx.run('INSERT INTO stream_slots (id, holder, caller_key, opened_at) VALUES (?, ?, ?, ?)', [id, this.relay.backendPid(), key, Date.now()]);
      return undefined;
    });
    if (refusal) return refusal;
    this.mine.add(id);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.mine.delete(id);
      this.db.run('DELETE FROM stream_slots WHERE id = ?', [id]).catch((error: unknown) => this.log(`cluster: freeing a stream slot failed: ${errorMessage(error)}`));
    };
  }
}
