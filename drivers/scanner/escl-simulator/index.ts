export { startEsclSimulator, SIMULATOR_FAULTS, type EsclSimulator, type EsclSimulatorOptions, type SimulatorFault } from './server';
export { defaultPageRenderer, type PageRenderer, type PageRequest } from './pages';
