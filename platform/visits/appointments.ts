import { randomBytes, randomUUID } from 'node:crypto';
import type { OpeningHours } from '../../contract/platform/fleet';
import { idNumberProblem, maskIdNumber, maskPhone } from '../../contract/platform/id-number';
import type { AppointmentStatus, AppointmentView, BookingRequest, CheckInRequest, Slot, TicketView } from '../../contract/platform/visits';
import type { Caller } from '../core/caller';
import { iso, type PlatformContext } from '../core/context';
import { invalidForm, notFound, PlatformError } from '../core/errors';
import { maskName } from '../core/masking';
import { sha256Hex } from '../core/secrets';
import type { Queryable } from '../store/database';
import { clockOf, dayOf } from './centre-time';
import { slotsOfDay } from './slots';
import type { TicketService } from './tickets';
import type { VisitNotices } from './visit-notices';
import type { VisitSettingsStore } from './visit-settings';

interface AppointmentRow {
  id: string;
  centre_id: string;
  service_code: string;
  slot_start: number;
  slot_end: number;
  sealed: string | null;
  masked: string;
  status: AppointmentStatus;
  reminded_at: number | null;
}

interface Booker {
  name: string;
  idNumber: string;
  phone: string;
}

/** How early before the slot a citizen may check in. */
const EARLY_CHECK_IN_MS = 30 * 60_000;
const BOOKER_SEAL = 'appointment-booker';
/** The booking code's letters: no 0/O, 1/I/L, read aloud or typed without doubt. */
const CODE_LETTERS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function bookingCode(): string {
  return Array.from(randomBytes(12), (b) => CODE_LETTERS[b % CODE_LETTERS.length]).join('');
}

const conflict = (message: string, field?: string) => new PlatformError(409, 'conflict', message, field);

/**
 * 预约: slots of each service made from the centre's opening hours (platform/fleet's settings)
 * and its windows, booked on the public page, through the API or at the kiosk; check-in at the
 * kiosk by ID card or the booking's code gives a ticket that goes first once its slot begins. A
 * booking not checked in within the grace is a no-show and its place is free again; the reminder
 * SMS goes the day before. The booker is sealed, found by a keyed digest of the ID number, and
 * wiped when the booking ends.
 */
export class AppointmentService {
  constructor(
    private readonly ctx: PlatformContext,
    private readonly settings: VisitSettingsStore,
    private readonly tickets: TicketService,
    private readonly notices: VisitNotices,
    private readonly openingHours: (centreId: string) => Promise<OpeningHours | null>,
  ) {}

  private get db() {
    return this.ctx.db;
  }

  private async hoursOf(centreId: string): Promise<OpeningHours> {
    if (!(await this.tickets.centreName(centreId))) throw notFound(`centre ${centreId}`);
    const hours = await this.openingHours(centreId);
    if (!hours) throw conflict(`centre ${centreId} has not set its opening hours, so it has no slots`);
    return hours;
  }

  private async checkService(serviceCode: string): Promise<void> {
    if (!(await this.ctx.catalogue()).items.some((i) => i.code === serviceCode)) throw invalidForm('serviceCode', `${serviceCode} is not a service of the catalogue`);
  }

  private async taken(q: Queryable, centreId: string, serviceCode: string, from: number, to: number): Promise<Map<number, number>> {
    const rows = await q.all<{ slot_start: number; n: number }>(
      `SELECT slot_start, COUNT(*) AS n FROM appointments WHERE centre_id = ? AND service_code = ? AND slot_start >= ? AND slot_start < ?
       AND status IN ('booked', 'checked-in') GROUP BY slot_start`,
      [centreId, serviceCode, from, to],
    );
    return new Map(rows.map((r) => [Number(r.slot_start), Number(r.n)]));
  }

  /** The slots of a day not yet over, with the places left. */
  async slots(centreId: string, serviceCode: string, day: string): Promise<Slot[]> {
    await this.checkService(serviceCode);
    const hours = await this.hoursOf(centreId);
    const frames = slotsOfDay(hours, await this.settings.get(centreId), serviceCode, day).filter((s) => s.end > this.ctx.now());
    if (frames.length === 0) return [];
    const taken = await this.taken(this.db, centreId, serviceCode, frames[0]!.start, frames.at(-1)!.end);
    return frames.map((f) => ({
      serviceCode,
      start: iso(f.start),
      end: iso(f.end),
      capacity: f.capacity,
      free: Math.max(0, f.capacity - (taken.get(f.start) ?? 0)),
    }));
  }

  async book(centreId: string, source: 'web' | 'api' | 'kiosk', request: BookingRequest): Promise<AppointmentView> {
    const problem = idNumberProblem(request.idNumber);
    if (problem) throw invalidForm('idNumber', problem);
    await this.checkService(request.serviceCode);
    const hours = await this.hoursOf(centreId);
    const start = Date.parse(request.slotStart);
    const frame = slotsOfDay(hours, await this.settings.get(centreId), request.serviceCode, dayOf(start, hours.timeZone)).find((s) => s.start === start);
    if (!frame) throw invalidForm('slotStart', `${request.slotStart} is not the start of a slot of ${request.serviceCode}`);
    if (frame.end <= this.ctx.now()) throw conflict(`the slot at ${request.slotStart} is over`, 'slotStart');
    const holderKey = this.holderKey(request.idNumber);
    const code = bookingCode();
    const id = randomUUID();
    const booker: Booker = { name: request.name, idNumber: request.idNumber, phone: request.phone };
    const masked: Booker = { name: maskName(request.name), idNumber: maskIdNumber(request.idNumber), phone: maskPhone(request.phone) };
    await this.db.transaction(async (tx) => {
      // One booking at a time per centre on PostgreSQL; SQLite's IMMEDIATE transactions take turns anyway.
      if (this.db.dialect === 'postgres') await tx.run("SELECT pg_advisory_xact_lock(hashtext('appointments:' || ?))", [centreId]);
      const same = await tx.get<{ id: string }>(
        "SELECT id FROM appointments WHERE centre_id = ? AND holder_key = ? AND service_code = ? AND status = 'booked' AND slot_end > ?",
        [centreId, holderKey, request.serviceCode, this.ctx.now()],
      );
      if (same) throw conflict(`this ID number has a booking of ${request.serviceCode} already; come at its time`, 'idNumber');
      const taken = (await this.taken(tx, centreId, request.serviceCode, start, start + 1)).get(start) ?? 0;
      if (taken >= frame.capacity) throw conflict(`the slot at ${request.slotStart} is full`, 'slotStart');
      await tx.run(
        `INSERT INTO appointments (id, centre_id, service_code, slot_start, slot_end, holder_key, sealed, masked, code_hash, status, source, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?)`,
        [
          id,
          centreId,
          request.serviceCode,
          frame.start,
          frame.end,
          holderKey,
          this.ctx.cipher.seal(JSON.stringify(booker), BOOKER_SEAL).toString('base64'),
          JSON.stringify(masked),
          sha256Hex(code),
          source,
          this.ctx.now(),
        ],
      );
    });
    return { ...(await this.view(id)), code };
  }

  private holderKey(idNumber: string): string {
    return this.ctx.cipher.fingerprint(idNumber, 'appointment-holder');
  }

  private viewOf(row: AppointmentRow): AppointmentView {
    const masked = JSON.parse(row.masked) as Booker;
    return {
      appointmentId: row.id,
      centreId: row.centre_id,
      serviceCode: row.service_code,
      slotStart: iso(Number(row.slot_start)),
      slotEnd: iso(Number(row.slot_end)),
      status: row.status,
      nameMasked: masked.name,
      idNumberMasked: masked.idNumber,
      phoneMasked: masked.phone,
    };
  }

  async view(id: string): Promise<AppointmentView> {
    const row = await this.db.get<AppointmentRow>('SELECT * FROM appointments WHERE id = ?', [id]);
    if (!row) throw notFound(`appointment ${id}`);
    return this.viewOf(row);
  }

  /**
   * At the kiosk: the booking of this card (or code) at this centre whose slot is about to begin
   * or has begun within the grace becomes a ticket that goes first in its slot.
   */
  async checkIn(caller: Caller, request: CheckInRequest): Promise<{ appointment: AppointmentView; ticket: TicketView }> {
    if (caller.kind !== 'terminal' || caller.terminalKind !== 'kiosk') throw new PlatformError(403, 'forbidden', 'check-in is done at a kiosk of the centre');
    const settings = await this.settings.get(caller.centreId);
    const now = this.ctx.now();
    const by: [string, string] = 'idNumber' in request ? ['holder_key', this.holderKey(request.idNumber)] : ['code_hash', sha256Hex(request.code.toUpperCase().replace(/[\s-]/g, ''))];
    const rows = await this.db.all<AppointmentRow>(`SELECT * FROM appointments WHERE centre_id = ? AND ${by[0]} = ? AND status = 'booked' ORDER BY slot_start`, [
      caller.centreId,
      by[1],
    ]);
    const row = rows.find((r) => Number(r.slot_start) - EARLY_CHECK_IN_MS <= now && now <= Number(r.slot_start) + settings.graceMinutes * 60_000);
    if (!row) {
      const later = rows.find((r) => Number(r.slot_start) - EARLY_CHECK_IN_MS > now);
      if (later) throw conflict(`the booking is for ${iso(Number(later.slot_start))}; check in from ${EARLY_CHECK_IN_MS / 60_000} minutes before`);
      throw notFound('a booking to check in now at this centre');
    }
    const booker = this.openBooker(row);
    const prepared = await this.tickets.prepare({
      centreId: caller.centreId,
      services: [row.service_code],
      source: 'appointment',
      phone: booker?.phone,
      appointment: { id: row.id, slotStart: Number(row.slot_start) },
    });
    const updated = await this.db.transaction(async (tx) => {
      const checked = await tx.get<AppointmentRow>(
        "UPDATE appointments SET status = 'checked-in', checked_in_at = ?, sealed = NULL, ticket_id = ? WHERE id = ? AND status = 'booked' RETURNING *",
        [now, prepared.id, row.id],
      );
      if (!checked) throw conflict('the booking was checked in or ended meanwhile');
      await this.tickets.insert(tx, prepared);
      return checked;
    });
    return { appointment: this.viewOf(updated), ticket: await this.tickets.taken(prepared) };
  }

  /**
   * The citizen cancels the booking by its code (the link or page of the booking, or the API):
   * the place is free again and the booker wiped. Only a booking not yet checked in or ended.
   */
  async cancel(centreId: string | undefined, code: string): Promise<AppointmentView> {
    const hash = sha256Hex(code.toUpperCase().replace(/[\s-]/g, ''));
    const row = await this.db.get<AppointmentRow>(`SELECT * FROM appointments WHERE code_hash = ?${centreId ? ' AND centre_id = ?' : ''}`, [hash, ...(centreId ? [centreId] : [])]);
    if (!row) throw notFound('a booking with this code');
    if (row.status !== 'booked') throw conflict(`the booking is ${row.status}; only a booking not yet checked in can be cancelled`, 'code');
    const cancelled = await this.db.get<AppointmentRow>(
      "UPDATE appointments SET status = 'cancelled', cancelled_at = ?, sealed = NULL WHERE id = ? AND status = 'booked' RETURNING *",
      [this.ctx.now(), row.id],
    );
    if (!cancelled) throw conflict('the booking was checked in or ended meanwhile', 'code');
    return this.viewOf(cancelled);
  }

  private openBooker(row: AppointmentRow): Booker | undefined {
    return row.sealed ? (JSON.parse(this.ctx.cipher.open(Buffer.from(row.sealed, 'base64'), BOOKER_SEAL).toString('utf8')) as Booker) : undefined;
  }

  /**
   * The timed work, run every minute and callable at once: bookings past their grace become
   * no-shows (the place is free, the booker wiped), and reminders go to the bookings whose slot
   * is within `reminderHours`.
   */
  async sweep(): Promise<{ noShows: number; reminders: number }> {
    const now = this.ctx.now();
    const booked = await this.db.all<AppointmentRow>("SELECT * FROM appointments WHERE status = 'booked' ORDER BY slot_start");
    let noShows = 0;
    let reminders = 0;
    for (const row of booked) {
      const settings = await this.settings.get(row.centre_id);
      const start = Number(row.slot_start);
      if (now > start + settings.graceMinutes * 60_000) {
        const ended = await this.db.get("UPDATE appointments SET status = 'no-show', sealed = NULL WHERE id = ? AND status = 'booked' RETURNING id", [row.id]);
        if (ended) noShows += 1;
      } else if (row.reminded_at == null && start > now && start - now <= settings.reminderHours * 3_600_000) {
        const marked = await this.db.get('UPDATE appointments SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL RETURNING id', [now, row.id]);
        const booker = this.openBooker(row);
        if (!marked || !booker) continue;
        const hours = await this.openingHours(row.centre_id);
        const zone = hours?.timeZone ?? 'Asia/Shanghai';
        const [, month, day] = dayOf(start, zone).split('-').map(Number);
        const place = (await this.tickets.centreName(row.centre_id)) ?? '';
        this.notices.send(
          row.centre_id,
          row.id,
          'reminder',
          booker.phone,
          `您预约的${await this.tickets.serviceName(row.service_code)}在 ${month}月${day}日 ${clockOf(start, zone)}，请带身份证到${place}自助机签到。`,
        );
        reminders += 1;
      }
    }
    return { noShows, reminders };
  }
}
