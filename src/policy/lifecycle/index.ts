// The life of a restriction: stages, transitions, terms, settings, and what falls due. Pure.
export * from './types';
export * from './terms';
export * from './settings';
export * from './machine';
export * from './due';
export * from './warnings';
export * from './recordsDue';
export * from './staffList';
