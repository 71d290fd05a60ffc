/** Monitoring (issue 10): the questionnaires as data and the pure computations the sheets and forms use. */
export * from './types';
export * from './items';
export * from './figures';
export * from './calendar';
export * from './stats';
export * from './indicators';
export * from './cadence';
export * from './blocks';
