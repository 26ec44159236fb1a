import { CaptureService } from '../capture';
import { CaseService } from '../cases/case-service';
import { CertificateService } from '../certificates/certificate-service';
import { LicenceCheck } from '../licences/licence-check';
import { HelpService } from '../help/help-service';
import { AppointmentCheckIn } from '../visits/check-in';
import { KioskBooking } from '../visits/kiosk-booking';
import { queueTicketParts } from '../printing';
import { OcrService } from '../ocr';
import { CitizenReprints } from '../printing/citizen-reprints';
import { CaseStore } from '../store/case-store';
import { OutboxWorker } from '../sync/outbox-worker';
import { startPurgeSchedule } from '../sync/purge-schedule';
import { startReconnectProbe } from '../sync/reconnect-probe';
import { StatusFeed } from '../sync/status-feed';
import type { RoleServices, TerminalCore } from './role';

/**
 * A citizen's machine: cases recorded first in the local store and sent by the outbox, their
 * status followed from the platform, papers captured and read, certificates printed.
 */
export function startKiosk(core: TerminalCore): RoleServices {
  const { config, log, stops, store, events, sessions, identity, printing } = core;
  const client = core.platform.client;
  const cases = new CaseStore(store);
  const worker = new OutboxWorker({ store, cases, client, log: log.child({ service: 'outbox' }) });
  const feed = new StatusFeed({ store, cases, client, log: log.child({ service: 'status-feed' }) });
  feed.on('status', (change) => events.publish('case.updated', { caseId: change.caseId, status: change.status, queueNumber: change.queueNumber }));
  for (const service of [worker, feed]) {
    service.start();
    stops.add(() => service.stop());
  }
  stops.add(startReconnectProbe({ worker, probe: () => client.health() }));
  stops.add(startPurgeSchedule({ store, log: log.child({ service: 'purge' }) }));

  // One OCR engine for the whole terminal, loaded at the first capture and kept between citizens.
  const camera = config.devices.camera;
  const ocr = core.scanner || camera ? new OcrService({ engine: config.ocr.engine, langs: config.ocr.language, modelPath: config.ocr.modelPath, workers: config.ocr.workers }) : undefined;
  if (ocr) stops.add(() => ocr.close());
  const capture = new CaptureService({
    scanner: core.scanner,
    ...(camera ? { camera: { label: camera.label, width: camera.width, height: camera.height } } : {}),
    reader: ocr,
    session: () => sessions.current,
    onRead: (reading) => events.publish('capture.read', reading),
    log: log.child({ service: 'capture' }),
  });
  sessions.onWipe(() => capture.wipe());

  const licences = new LicenceCheck({
    lookup: (request) => client.lookupLicences(request),
    catalogue: core.catalogue,
    identity: () => identity.current,
    agent: () => identity.agent,
    session: () => sessions.current,
    log: log.child({ service: 'licences' }),
  });
  sessions.onWipe(() => licences.wipe());
  const reprints = new CitizenReprints(printing.service);
  sessions.onWipe(() => reprints.clear());
  const help = new HelpService({ client, location: config.terminal.location ?? '', events, log: log.child({ service: 'help' }) });
  feed.on('help', (call) => help.heard(call));
  feed.on('streaming', () => void help.streamOpened());
  stops.add(() => help.dispose());

  const visitLog = log.child({ service: 'visits' });
  const visits = {
    checkIn: new AppointmentCheckIn({ checkIn: (request) => client.checkIn(request), identity: () => identity.current, session: () => sessions.current, log: visitLog }),
    booking: new KioskBooking({
      slots: (centreId, serviceCode, date) => client.slots(centreId, serviceCode, date),
      book: (request) => client.book(request),
      takeTicket: (request) => client.takeTicket(request),
      centreId: config.terminal.centre.id,
      centreName: config.terminal.centre.name,
      serviceName: async (code) => (await core.catalogue.get()).items.find((i) => i.code === code)?.name['zh-CN'] ?? code,
      ...(config.devices.receiptPrinter ? { printTicket: async (ticket) => (await printing.service.printTicket(queueTicketParts(ticket), 'queue ticket')).ok } : {}),
      identity: () => identity.current,
      session: () => sessions.current,
      log: visitLog,
    }),
  };

  const caseService = new CaseService({
    store: cases,
    catalogue: core.catalogue,
    identity: () => identity.current,
    agent: () => identity.agent,
    session: () => sessions.current,
    sync: {
      kick: () => worker.kick(),
      rate: async (caseId, rating) => {
        await client.rate(caseId, rating);
      },
      bundle: (caseId) => client.bundle(caseId),
    },
    log: log.child({ service: 'cases' }),
    printing: printing.service,
    // Receipts point at the platform's public status page: its configured public address, or its own.
    terminal: { id: config.terminal.id, centreName: config.terminal.centre.name, publicUrl: config.platform.publicUrl ?? core.platform.url },
    scans: capture,
    licences,
    reprints,
  });

  const certificates = new CertificateService({
    issue: (request) => client.contributionCertificate(request),
    printing: printing.service,
    printLog: core.printLog,
    reprints,
    identity: () => identity.current,
    session: () => sessions.current,
    log: log.child({ service: 'certificates' }),
  });
  sessions.onWipe(() => certificates.wipe());

  return {
    cases: caseService,
    capture,
    certificates,
    licences,
    help,
    visits,
    reprints,
    outbox: { pending: () => worker.pending(), lastSyncAt: () => worker.lastSyncAt(), oldestPendingAt: () => cases.oldestPendingAt() },
  };
}
