export { canonicalJson } from './canonical';
export { registerDocumentRoutes, VerifyDocumentQuery, VerifyDocumentResponse } from './http';
export { MemoryIssuedDocuments, verifyIssuedDocument, type IssuedDocuments, type LookupVerification } from './registry';
export { DocumentService } from './service';
export {
  DocumentSigner,
  IssuedDocumentContent,
  SignedDocument,
  normaliseVerificationCode,
  verificationCode,
  verificationUrl,
  verifySignedDocument,
  type VerificationResult,
} from './signing';
