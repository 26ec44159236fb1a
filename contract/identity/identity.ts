import type { IdNumberKind } from './id-number';
import type { SexCode } from './codes';

/**
 * What a card says about its holder, as the drivers hand it to the terminal. Every kind has the
 * same common fields (null where the card has no such field), plus a few of its own.
 *
 * Card kinds: `resident` (居民身份证), `hmt-residence` (港澳台居民居住证, kind letter J),
 * `foreign-permanent-2017` (外国人永久居留身份证, 2017 version, kind letter I) and
 * `foreign-permanent-2023` (2023 version, kind letter Y).
 */
export type CardKind = IdNumberKind;

export const CARD_KINDS: readonly CardKind[] = ['resident', 'hmt-residence', 'foreign-permanent-2017', 'foreign-permanent-2023'];

/** The card's photo exactly as the chip holds it: WLT needs a vendor decoder, so it is never shown as an image. */
export interface CardPhoto {
  format: 'wlt';
  bytes: Uint8Array;
}

interface IdentityCommon {
  kind: CardKind;
  /** Chinese name as printed; a foreigner's card without a Chinese name carries the English name here too. */
  name: string;
  nameEn: string | null;
  /** 男 / 女 / 未知 / 未说明 (GB/T 2261.1). */
  sex: string;
  sexCode: SexCode;
  /** GB 3304 nationality of a resident card (汉, 蒙古 …); null on the other kinds. */
  nation: string | null;
  nationCode: string | null;
  /** ISO 3166 alpha-3 nationality on a foreigner's card (2023 cards: as the chip stores it); null otherwise. */
  nationality: string | null;
  /** YYYY-MM-DD. */
  birthDate: string;
  address: string | null;
  idNumber: string;
  issuer: string | null;
  /** YYYY-MM-DD. */
  validFrom: string;
  /** YYYY-MM-DD, or null for a card valid without end (长期). */
  validTo: string | null;
  expired: boolean;
  photo: CardPhoto | null;
}

export interface ResidentIdentity extends IdentityCommon {
  kind: 'resident';
}

export interface HmtResidenceIdentity extends IdentityCommon {
  kind: 'hmt-residence';
  /** 通行证号码: the holder's travel-permit number. */
  passNumber: string;
  /** 签发次数. */
  issueCount: number;
}

export interface ForeignPermanent2017Identity extends IdentityCommon {
  kind: 'foreign-permanent-2017';
  cardVersion: string;
  /** 受理机关代码. */
  authorityCode: string;
}

export interface ForeignPermanent2023Identity extends IdentityCommon {
  kind: 'foreign-permanent-2023';
  /** 换证次数. */
  renewalCount: number;
}

export type Identity = ResidentIdentity | HmtResidenceIdentity | ForeignPermanent2017Identity | ForeignPermanent2023Identity;

/** The JSON form (CLI output, IPC): the photo becomes its format, its size and its bytes in base64. */
export type IdentityJson = Omit<ResidentIdentity, 'photo'> & { photo: PhotoJson | null } & Partial<
  Pick<HmtResidenceIdentity, 'passNumber' | 'issueCount'> &
    Pick<ForeignPermanent2017Identity, 'cardVersion' | 'authorityCode'> &
    Pick<ForeignPermanent2023Identity, 'renewalCount'>
> & { kind: CardKind };

export interface PhotoJson {
  format: 'wlt';
  bytes: number;
  base64: string;
}

/** Base64 through the platform's own `btoa` (Node and every browser have it), so that every side of the contract can use it. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Key order of the JSON form: stable, so that output can be read and diffed. */
const JSON_KEYS = [
  'kind', 'name', 'nameEn', 'sex', 'sexCode', 'nation', 'nationCode', 'nationality', 'birthDate', 'address', 'idNumber',
  'issuer', 'validFrom', 'validTo', 'expired', 'passNumber', 'issueCount', 'cardVersion', 'authorityCode', 'renewalCount',
] as const;

export function identityToJson(identity: Identity): IdentityJson {
  const source = identity as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of JSON_KEYS) if (key in source) out[key] = source[key];
  const photo = identity.photo;
  out.photo = photo ? { format: photo.format, bytes: photo.bytes.length, base64: toBase64(photo.bytes) } : null;
  return out as IdentityJson;
}
