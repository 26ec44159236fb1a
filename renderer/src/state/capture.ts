import { batch, signal } from '@preact/signals';
import type { Material, ServiceItem } from '../../../contract/platform/catalogue';
import type { CaptureFailure, CapturedPage, PageReading } from '../../../contract/terminal/capture-api';
import type { TerminalApi } from '../../../contract/terminal/api';

/**
 * The citizen's scanned papers as the page knows them: previews and what was read from them.
 * The pages themselves stay in the terminal process; all of this is wiped with the session.
 */
export const capturedPages = signal<CapturedPage[]>([]);
/** The material whose capture screen is open. */
export const capturingMaterial = signal<string | null>(null);
export const scanFailure = signal<CaptureFailure | null>(null);
export const scanning = signal(false);
export const readings = signal<Readonly<Record<string, PageReading | 'reading' | 'failed'>>>({});
/** Proposals the citizen has put into the form, by page and field. */
export const usedProposals = signal<ReadonlySet<string>>(new Set());

export function wipeCapture(): void {
  batch(() => {
    capturedPages.value = [];
    capturingMaterial.value = null;
    scanFailure.value = null;
    scanning.value = false;
    readings.value = {};
    usedProposals.value = new Set();
  });
}

export type MaterialNeed = 'electronic' | 'scan' | 'bring';

/** 电子证照 needs nothing; a paper the kiosk can scan gets a slot; anything else is shown at the counter. */
export function materialNeed(material: Material): MaterialNeed {
  if (material.electronicLicence !== undefined) return 'electronic';
  return material.scan ? 'scan' : 'bring';
}

export function needsScans(item: ServiceItem): boolean {
  return item.materials.some((m) => materialNeed(m) === 'scan');
}

export function pagesOf(materialCode: string): CapturedPage[] {
  return capturedPages.value.filter((p) => p.materialCode === materialCode);
}

export async function refreshPages(api: TerminalApi): Promise<void> {
  capturedPages.value = (await api.call('capture.pages', {})).pages;
}

export async function scanPage(api: TerminalApi, materialCode: string, replacePageId?: string): Promise<void> {
  if (scanning.value) return;
  batch(() => {
    scanning.value = true;
    scanFailure.value = null;
  });
  try {
    const outcome = await api.call('capture.scan', { materialCode, ...(replacePageId ? { replacePageId } : {}) });
    if (outcome.ok) {
      const kept = Object.fromEntries(Object.entries(readings.value).filter(([pageId]) => pageId !== replacePageId));
      batch(() => {
        capturedPages.value = outcome.view.pages;
        readings.value = kept;
      });
    } else scanFailure.value = outcome.reason;
  } catch {
    scanFailure.value = 'device-error';
  } finally {
    scanning.value = false;
  }
}

export async function deletePage(api: TerminalApi, pageId: string): Promise<void> {
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
