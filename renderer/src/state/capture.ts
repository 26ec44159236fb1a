import { batch, signal } from '@preact/signals';
import type { Material, ServiceItem } from '../../../contract/platform/catalogue';
import type { CameraChoice, CaptureFailure, CapturedPage, PageReading, ScanOutcome } from '../../../contract/terminal/capture-api';
import type { TerminalApi } from '../../../contract/terminal/api';
import type { LicenceCheckView, LicenceMaterialState } from '../../../contract/terminal/licence-api';

/**
 * The citizen's scanned papers as the page knows them: previews and what was read from them.
 * The pages themselves stay in the terminal process; all of this is wiped with the session.
 */
export const capturedPages = signal<CapturedPage[]>([]);
/** The material whose capture screen is open. */
export const capturingMaterial = signal<string | null>(null);
/**
 * The last attempt's failure, with what a 重新扫描 would repeat. Each new attempt (scan,
 * photo, deleting a page, opening another material) clears it: an old failure never stands
 * beside a new result.
 */
export interface ScanFailure {
  reason: CaptureFailure;
  materialCode: string;
  via: 'scan' | 'photo';
  replacePageId?: string;
}
export const scanFailure = signal<ScanFailure | null>(null);
export const scanning = signal(false);
/** The document camera, when the terminal has one (the capture screen then offers it first). */
export const cameraChoice = signal<CameraChoice | null>(null);
export const scannerPresent = signal(true);
export const readings = signal<Readonly<Record<string, PageReading | 'reading' | 'failed'>>>({});
/** Proposals the citizen has put into the form, by page and field. */
export const usedProposals = signal<ReadonlySet<string>>(new Set());
/** 电子证照 for the service being filled: the citizen's consent answer and, per material, whether a valid licence was found. */
export const licenceCheck = signal<{ serviceCode: string; view: LicenceCheckView } | null>(null);
export const licenceChecking = signal(false);

export function wipeCapture(): void {
  batch(() => {
    capturedPages.value = [];
    capturingMaterial.value = null;
    scanFailure.value = null;
    scanning.value = false;
    cameraChoice.value = null;
    readings.value = {};
    usedProposals.value = new Set();
    licenceCheck.value = null;
    licenceChecking.value = false;
  });
}

export type MaterialNeed = 'electronic' | 'scan' | 'bring';

/** Whether a valid licence was found for this material with the citizen's consent; undefined before asking. */
export function licenceState(material: Material): LicenceMaterialState | undefined {
  return licenceCheck.value?.view.materials.find((m) => m.code === material.code)?.state;
}

/** A licence found needs nothing; a paper the kiosk can scan gets a slot; anything else is shown at the counter. */
export function materialNeed(material: Material): MaterialNeed {
  if (licenceState(material) === 'held') return 'electronic';
  return material.scan ? 'scan' : 'bring';
}

/** The service has materials a licence could satisfy and the citizen has not answered the consent question yet. */
export function licenceConsentPending(item: ServiceItem): boolean {
  return item.materials.some((m) => m.electronicLicence !== undefined) && licenceCheck.value?.serviceCode !== item.code;
}

/** Asks the terminal to look up (consent given) or not (refused); the page learns only found / not found. */
export async function answerLicenceConsent(api: TerminalApi, item: ServiceItem, consent: boolean, agentIdNumber?: string): Promise<void> {
  if (licenceChecking.value) return;
  licenceChecking.value = true;
  try {
    const view = await api.call('licences.check', { serviceCode: item.code, consent, ...(agentIdNumber ? { agentIdNumber } : {}) });
    licenceCheck.value = { serviceCode: item.code, view };
  } finally {
    licenceChecking.value = false;
  }
}

export function needsScans(item: ServiceItem): boolean {
  return item.materials.some((m) => materialNeed(m) === 'scan');
}

export function pagesOf(materialCode: string): CapturedPage[] {
  return capturedPages.value.filter((p) => p.materialCode === materialCode);
}

export async function refreshPages(api: TerminalApi): Promise<void> {
  const view = await api.call('capture.pages', {});
  batch(() => {
    capturedPages.value = view.pages;
    cameraChoice.value = view.camera;
    scannerPresent.value = view.scanner;
  });
}

export function scanPage(api: TerminalApi, materialCode: string, replacePageId?: string): Promise<void> {
  return capture({ materialCode, via: 'scan', ...(replacePageId ? { replacePageId } : {}) }, () => api.call('capture.scan', { materialCode, ...(replacePageId ? { replacePageId } : {}) }));
}

/** A document-camera photo (JPEG data: URL) becomes a page like a scan; the terminal straightens it. */
export function photoPage(api: TerminalApi, materialCode: string, image: string, replacePageId?: string): Promise<void> {
  return capture({ materialCode, via: 'photo', ...(replacePageId ? { replacePageId } : {}) }, () => api.call('capture.photo', { materialCode, image, ...(replacePageId ? { replacePageId } : {}) }));
}

/** A failure a 重新扫描 cannot mend: the citizen goes back, deletes a page, or takes another photo. */
export function retryable(failure: ScanFailure): boolean {
  return failure.via === 'scan' && failure.reason !== 'no-scanner' && failure.reason !== 'too-many-pages';
}

async function capture(attempt: Omit<ScanFailure, 'reason'>, run: () => Promise<ScanOutcome>): Promise<void> {
  if (scanning.value) return;
  const { replacePageId } = attempt;
  batch(() => {
    scanning.value = true;
    scanFailure.value = null;
  });
  try {
    const outcome = await run();
    if (outcome.ok) {
      const kept = Object.fromEntries(Object.entries(readings.value).filter(([pageId]) => pageId !== replacePageId));
      batch(() => {
        capturedPages.value = outcome.view.pages;
        readings.value = kept;
      });
    } else scanFailure.value = { ...attempt, reason: outcome.reason };
  } catch {
    scanFailure.value = { ...attempt, reason: 'device-error' };
  } finally {
    scanning.value = false;
  }
}

export async function deletePage(api: TerminalApi, pageId: string): Promise<void> {
  scanFailure.value = null;
  capturedPages.value = (await api.call('capture.deletePage', { pageId })).pages;
}

export function readingArrived(reading: PageReading): void {
  if (capturedPages.value.some((p) => p.pageId === reading.pageId)) readings.value = { ...readings.value, [reading.pageId]: reading };
}

export async function readPage(api: TerminalApi, pageId: string): Promise<void> {
  readings.value = { ...readings.value, [pageId]: 'reading' };
  try {
    readingArrived(await api.call('capture.read', { pageId }));
  } catch {
    readings.value = { ...readings.value, [pageId]: 'failed' };
  }
}
