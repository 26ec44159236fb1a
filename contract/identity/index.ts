export * from './id-number';
export * from './codes';
export * from './identity';
export * from './expiry';
export * from './schema';
