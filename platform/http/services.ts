import type { AccessService } from '../core/access';
import type { BackOfficeService } from '../core/back-office';
import type { BundleService } from '../core/bundles';
import type { DepartmentService } from '../core/departments';
import type { DeskService } from '../desk/desk-service';
import type { PickupService } from '../core/pickup';
import type { BlobService } from '../core/blobs';
import type { CaseService } from '../core/cases';
import type { CatalogueStore } from '../core/catalogue';
import type { PlatformContext } from '../core/context';
import type { DocumentService } from '../documents/service';
import type { Fleet } from '../fleet/fleet';
import type { RatingService } from '../core/ratings';
import type { LicenceService } from '../licences/service';
import type { HelpCalls } from '../help/help-calls';
import type { PublicStatus } from '../public-status/public-status';
import type { DecisionNotices } from '../public-status/decision-notices';
import type { Visits } from '../visits/visits';
import type { ServiceLevels } from '../service-levels/service-levels';

export interface Services {
  ctx: PlatformContext;
  access: AccessService;
  catalogue: CatalogueStore;
  blobs: BlobService;
  cases: CaseService;
  ratings: RatingService;
  help: HelpCalls;
  publicStatus: PublicStatus;
  /** The signed 不予受理 and 补正 notices the desk prints. */
  decisionNotices?: DecisionNotices;
  departments: DepartmentService;
  backOffice: BackOfficeService;
  pickups: PickupService;
  bundles: BundleService;
  /** The counter desk for a day's work (platform/desk). */
  desk: DeskService;
  /** Waiting-time targets and the waiting, walking and handling statistics (platform/service-levels). */
  serviceLevels: ServiceLevels;
  /** Signs what the platform issues and answers GET /v1/documents/verify. */
  documents?: DocumentService;
  /** Heartbeats, alerts, remote actions and signed configuration (platform/fleet). */
  fleet?: Fleet;
  /** 电子证照: the licence library behind its adapter. */
  licences?: LicenceService;
  /** Appointments and the ticket queue that follows the citizen (platform/visits). */
  visits?: Visits;
}
