import type { CaseNote } from '../../contract/platform/back-office';
import type { Caller } from '../core/caller';
import { audit } from '../core/audit';
import { iso, type PlatformContext } from '../core/context';

interface NoteRow {
  id: number;
  at: number;
  author_id: string;
  author_name: string;
  text: string;
  sealed: number;
}

const where = (caseId: string) => `case_notes.text:${caseId}`;

/**
 * Internal notes on a case (window and back office). A note may name the citizen or quote their
 * papers, so its text is sealed under the platform's data key, bound to the case, like the rest
 * of the case; writing and reading notes is audited. Who may touch the case is checked by the
 * caller of this class (the case and back-office services), not here.
 */
export class CaseNotes {
  constructor(private readonly ctx: PlatformContext) {}

  async list(caller: Caller, caseId: string): Promise<CaseNote[]> {
    const rows = await this.ctx.db.all<NoteRow>('SELECT id, at, author_id, author_name, text, sealed FROM case_notes WHERE case_id = ? ORDER BY id', [caseId]);
    await audit(this.ctx.db, caller, 'notes-read', caseId, this.ctx.now(), `${rows.length} notes`);
    return rows.map((r) => ({
      id: Number(r.id),
      at: iso(Number(r.at)),
      author: { id: r.author_id, displayName: r.author_name },
      // A note written before sealing existed is read as it is (and sealed at start-up).
      text: Number(r.sealed) === 1 ? this.ctx.cipher.openText(r.text, where(caseId)) : r.text,
    }));
  }

  async add(caller: Extract<Caller, { kind: 'staff' }>, caseId: string, text: string): Promise<CaseNote> {
    const now = this.ctx.now();
    const row = await this.ctx.db.get<{ id: number }>(
      'INSERT INTO case_notes (case_id, centre_id, author_id, author_name, text, at, sealed) VALUES (?, ?, ?, ?, ?, ?, 1) RETURNING id',
      [caseId, caller.centreId, caller.id, caller.displayName, this.ctx.cipher.sealText(text, where(caseId)), now],
    );
    await audit(this.ctx.db, caller, 'note-added', caseId, now, `note ${row!.id}`);
    return { id: Number(row!.id), at: iso(now), author: { id: caller.id, displayName: caller.displayName }, text };
  }

  /** Notes an older platform kept in the clear are sealed (once, at start-up). */
  async sealLegacy(): Promise<number> {
    const rows = await this.ctx.db.all<{ id: number; case_id: string; text: string }>('SELECT id, case_id, text FROM case_notes WHERE sealed = 0');
    for (const row of rows) {
      await this.ctx.db.run('UPDATE case_notes SET text = ?, sealed = 1 WHERE id = ?', [this.ctx.cipher.sealText(row.text, where(row.case_id)), row.id]);
    }
    return rows.length;
  }
}
