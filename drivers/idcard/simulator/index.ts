export { SIM_CARDS, findSimCard, type SimCard } from './cards';
export { IdCardSimulator, SIM_FAULTS, type SimFault, type IdCardSimulatorOptions } from './simulator';
export { openPtyLink, type PtyLink } from './pty-link';
export { startIdCardSimulator, type RunningIdCardSimulator, type StartIdCardSimulatorOptions } from './run';
export { SimulatorTransport } from './simulator-transport';
