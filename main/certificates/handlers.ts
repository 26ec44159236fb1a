import type { Handlers } from '../api/dispatcher';
import { provided } from '../api/dispatcher';
import type { CertificateService } from './certificate-service';

type CertificateMethod = Extract<keyof Handlers, `certificates.${string}`>;

/** The `certificates.*` methods; a terminal that prints no certificates (a counter) refuses them. */
export function certificateHandlers(service: CertificateService | undefined): Pick<Handlers, CertificateMethod> {
  const certificates = provided(service, 'unavailable', 'this terminal prints no certificates');
  return {
    'certificates.prepare': ({ from, to }) => certificates().prepare(from, to),
    'certificates.print': ({ documentId }) => certificates().print(documentId),
  };
}
