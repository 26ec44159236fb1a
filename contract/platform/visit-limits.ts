/**
 * Qmatic's rule, kept here: one visit serves at most five services at one window. Apart from
 * ./visits (zod) so the kiosk's page can offer the choice without the schemas.
 */
export const MAX_VISIT_SERVICES = 5;
