import { z } from 'zod';
import { CARD_KINDS } from './identity';
import { NATIONS, SEXES } from './codes';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date');

/**
 * The JSON form of an identity (`IdentityJson`), checked where it crosses a boundary (IPC, the
 * demo panel, stored fixtures). The ID number itself is checked by `idNumberProblemFor`.
 */
export const IdentityJsonSchema = z
  .object({
    kind: z.enum(CARD_KINDS as [string, ...string[]]),
    name: z.string().min(1).max(60),
    nameEn: z.string().max(120).nullable(),
    sex: z.enum(Object.values(SEXES) as [string, ...string[]]),
    sexCode: z.enum(['0', '1', '2', '9']),
    nation: z.enum(Object.values(NATIONS) as [string, ...string[]]).nullable(),
    nationCode: z.enum(Object.keys(NATIONS) as [string, ...string[]]).nullable(),
    nationality: z.string().regex(/^[A-Z0-9]{3}$/).nullable(),
    birthDate: isoDate,
    address: z.string().max(35).nullable(),
    idNumber: z.string().regex(/^[0-9A-Z]{15}$|^[0-9]{17}[0-9X]$/),
    issuer: z.string().max(15).nullable(),
    validFrom: isoDate,
    validTo: isoDate.nullable(),
    expired: z.boolean(),
    photo: z.object({ format: z.literal('wlt'), bytes: z.number().int().min(0), base64: z.string() }).strict().nullable(),
    passNumber: z.string().optional(),
    issueCount: z.number().int().min(0).optional(),
    cardVersion: z.string().optional(),
    authorityCode: z.string().optional(),
    renewalCount: z.number().int().min(0).optional(),
  })
  .strict();
