import type { StopList } from '../../common/stop-list';
import type { TerminalConfig } from '../../kiosk-config/schema';
import type { EventBus } from '../api/event-bus';
import type { CaptureService } from '../capture';
import type { CaseService } from '../cases/case-service';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { CertificateService } from '../certificates/certificate-service';
import type { CounterService } from '../counter/counter-service';
import type { HelpService } from '../help/help-service';
import type { CitizenReprints } from '../printing/citizen-reprints';
import type { DeskCycle } from '../counter/desk-cycle';
import type { TicketDesk } from '../counter/ticket-desk';
import type { IdentityHolder } from '../identity/identity-holder';
import type { LicenceCheck } from '../licences/licence-check';
import type { AppointmentCheckIn } from '../visits/check-in';
import type { KioskBooking } from '../visits/kiosk-booking';
import type { Logger } from '../logging/logger';
import type { TerminalPrinting } from '../printing/terminal-printers';
import type { SessionService } from '../session/session-service';
import type { LocalStore } from '../store/local-store';
import type { PrintLog } from '../store/print-log';
import type { DeskNotices } from '../counter/desk-notices';
import type { PlatformClient } from '../sync/platform-client';
import type { Scanner } from '../../drivers/scanner';

/** What both roles stand on, built first by the composition root. */
export interface TerminalCore {
  config: TerminalConfig;
  log: Logger;
  stops: StopList;
  store: LocalStore;
  /** The platform this terminal talks to, with its own credential. */
  platform: { url: string; client: PlatformClient };
  events: EventBus;
  sessions: SessionService;
  identity: IdentityHolder;
  catalogue: CatalogueService;
  printing: TerminalPrinting;
  printLog: PrintLog;
  scanner: Scanner | undefined;
}

/** The services a role adds; what it leaves out, its handlers refuse. */
export interface RoleServices {
  cases?: CaseService;
  capture?: CaptureService;
  certificates?: CertificateService;
  /** 电子证照, looked up with the citizen's consent (issue 20). */
  licences?: LicenceCheck;
  counter?: CounterService;
  /** The 不予受理 and 补正 notices the desk prints after its decision. */
  deskNotices?: DeskNotices;
  /** 呼叫工作人员, on a citizen's machine. */
  help?: HelpService;
  /** 预约签到 by card or booking code, 预约 and 取号, on a citizen's machine (issue 19). */
  visits?: { checkIn: AppointmentCheckIn; booking: KioskBooking };
  /** 重新打印 of what failed in the session, on a citizen's machine. */
  reprints?: CitizenReprints;
  /** The back office and the pickup at the same desk (issue 15). */
  deskCycle?: DeskCycle;
  /** Tickets at this window: 叫号, 重呼, 未到, 完成, transfer, redirect (issue 19). */
  ticketDesk?: TicketDesk;
  /** The outbox, on a terminal that records cases. */
  outbox?: { pending(): number; lastSyncAt(): string | null; oldestPendingAt(): string | null };
}
