import { createHash } from 'node:crypto';
import type { BackOfficeCase, BackOfficeDecision, BackOfficeQueue, CaseNote } from '../../contract/platform/back-office';
import type { BundleView } from '../../contract/platform/bundles';
import type { CaseStatus, CaseSummary } from '../../contract/platform/cases';
import type { Department } from '../../contract/platform/departments';
import type { BatchCollection, Colleague, DeskCases, DeskList, DeskSearch, DeskSearchResult } from '../../contract/platform/desk';
import type { Identity } from '../../contract/identity';
import type { Collection, CollectRequest, PickupSearchResult } from '../../contract/platform/pickup';
import type { Rating, RatingReason } from '../../contract/platform/ratings';
import type { DeskCollector, DrawnSignature } from '../../contract/terminal/cycle-api';
import { ApiFailure } from '../api/dispatcher';
import type { CounterService } from './counter-service';

/** PNG files start with these eight bytes; anything else is not a signature image. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface HandOverInput {
  foundBy: 'id-card' | 'code' | 'case';
  collector: DeskCollector;
  signature: DrawnSignature;
}

export interface DeskCycleOptions {
  desk: CounterService;
  windowName: string;
  /** The identity on this counter's own reader, if a card is on it. */
  cardOnReader: () => Pick<Identity, 'name' | 'idNumber'> | undefined;
}

/**
 * The rest of the cycle at the counter application: the back-office role's screen, and the
 * unified window's pickup (一口发证). Every call runs under the signed-in staff session of the
 * desk; ID numbers read from the card go to the platform from here and never to the page.
 */
export class DeskCycle {
  constructor(private readonly options: DeskCycleOptions) {}

  private get desk(): CounterService {
    return this.options.desk;
  }

  departments(): Promise<Department[]> {
    return this.desk.act((token, client) => client.departments(token));
  }

  bundle(caseId: string): Promise<BundleView> {
    return this.desk.act((token, client) => client.bundle(token, caseId));
  }

  notes(caseId: string): Promise<CaseNote[]> {
    return this.desk.act((token, client) => client.notes(token, caseId));
  }

  note(caseId: string, text: string): Promise<CaseNote> {
    return this.desk.act((token, client) => client.addNote(token, caseId, text));
  }

  backOfficeQueue(status?: CaseStatus): Promise<BackOfficeQueue> {
    return this.desk.act((token, client) => client.backOfficeQueue(token, status));
  }

  backOfficeCase(caseId: string): Promise<BackOfficeCase> {
    return this.desk.act((token, client) => client.backOfficeCase(token, caseId));
  }

  backOfficeDecide(caseId: string, decision: BackOfficeDecision): Promise<CaseSummary> {
    return this.desk.act((token, client) => client.backOfficeDecide(token, caseId, decision));
  }

  private card(): Pick<Identity, 'name' | 'idNumber'> {
    const card = this.options.cardOnReader();
    if (!card) throw new ApiFailure('not-allowed', 'no ID card is on this counter’s reader', { code: 'no-card' });
    return card;
  }

  findByCard(): Promise<PickupSearchResult> {
    const { idNumber } = this.card();
    return this.desk.act((token, client) => client.pickupSearch(token, { by: 'id-number', idNumber }));
  }

  find(search: { by: 'code'; code: string } | { by: 'case'; caseId: string }): Promise<PickupSearchResult> {
    return this.desk.act((token, client) => client.pickupSearch(token, search));
  }

  /**
   * The signature image is uploaded as a blob first, then the collection refers to it with the
   * strokes. An agent is whoever's card is on the reader at this moment, with the citizen's
   * authorisation as the clerk recorded it.
   */
  async collect(input: { pickupId: string } & HandOverInput): Promise<Collection> {
    const { png, sha256, request } = this.handOver(input);
    return this.desk.act(async (token, client) => {
      await client.putBlob(token, sha256, 'image/png', png);
      return client.collect(token, input.pickupId, request);
    });
  }

  /** 一口发证 at once: the same signature and collector for every pickup of the citizen. */
  async collectBatch(input: { pickupIds: string[] } & HandOverInput): Promise<BatchCollection> {
    const { png, sha256, request } = this.handOver(input);
    return this.desk.act(async (token, client) => {
      await client.putBlob(token, sha256, 'image/png', png);
      return client.collectBatch(token, { pickupIds: input.pickupIds, collect: request });
    });
  }

  private handOver(input: HandOverInput): { png: Buffer; sha256: string; request: Extract<CollectRequest, { method: 'counter' }> } {
    const png = Buffer.from(input.signature.pngBase64, 'base64');
    if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new ApiFailure('bad-request', 'the signature image is not a PNG', { code: 'signature-not-png' });
    const sha256 = createHash('sha256').update(png).digest('hex');
    let collector: Extract<CollectRequest, { method: 'counter' }>['collector'] = { kind: 'self' };
    if (input.collector.kind === 'agent-on-reader') {
      const agent = this.card();
      collector = { kind: 'agent', name: agent.name, idNumber: agent.idNumber, relation: input.collector.relation, authorisation: input.collector.authorisation };
    }
    return {
      png,
      sha256,
      request: { method: 'counter', foundBy: input.foundBy, collector, signature: { png: sha256, vector: input.signature.vector }, windowName: this.options.windowName },
    };
  }

  myCases(list: DeskList): Promise<DeskCases> {
    return this.desk.act((token, client) => client.deskCases(token, list));
  }

  search(search: DeskSearch): Promise<DeskSearchResult> {
    return this.desk.act((token, client) => client.deskSearch(token, search));
  }

  colleagues(): Promise<Colleague[]> {
    return this.desk.act((token, client) => client.colleagues(token));
  }

  /** The case leaves this desk: if it was the one called here, the desk is free for the next number. */
  async handover(caseId: string, staffId: string, note?: string): Promise<CaseSummary> {
    const summary = await this.desk.act((token, client) => client.handover(token, caseId, staffId, note));
    this.desk.leftDesk(caseId);
    return summary;
  }

  post(pickupId: string, carrier: string, trackingNumber: string): Promise<Collection> {
    return this.desk.act((token, client) => client.collect(token, pickupId, { method: 'post', carrier, trackingNumber }));
  }

  rate(caseId: string, visitId: string, level: number, reasons: RatingReason[]): Promise<Rating> {
    return this.desk.act((token, client) => client.rate(token, caseId, { level, reasons, visitId }));
  }
}
