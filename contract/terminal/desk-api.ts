import { z } from 'zod';
import { CaseSummary } from '../platform/cases';
import { BatchCollection, Colleague, DeskCases, DeskList, DeskSearch, DeskSearchResult } from '../platform/desk';
import { DeskCollector, DrawnSignature } from './cycle-api';

/**
 * The counter desk for a day's work (methods `desk.*` of issue 16 and `pickup.collectBatch`),
 * spread into `terminalMethods` in ./api.ts. Everything the page gets is masked.
 */
export const deskMethods = {
  /** This clerk's cases in one list ("my cases"). */
  'desk.myCases': { args: z.object({ list: DeskList }).strict(), result: DeskCases },
  /** Search the centre's cases by case/queue number, full name or the ID number's last 4. */
  'desk.search': { args: DeskSearch, result: DeskSearchResult },
  /** Window staff signed in now at other windows of the centre. */
  'desk.colleagues': { args: z.object({}).strict(), result: z.array(Colleague) },
  /** 转窗口: a case on this desk goes to a colleague at another window. */
  'desk.handover': {
    args: z.object({ caseId: z.uuid(), staffId: z.string().min(1).max(64), note: z.string().trim().max(500).optional() }).strict(),
    result: CaseSummary,
  },
  /** 一口发证 at once: several pickups of the citizen in front of the window, one signature. */
  'pickup.collectBatch': {
    args: z
      .object({
        pickupIds: z.array(z.uuid()).min(2).max(20),
        foundBy: z.enum(['id-card', 'code', 'case']),
        collector: DeskCollector,
        signature: DrawnSignature,
      })
      .strict(),
    result: BatchCollection,
  },
} as const;
