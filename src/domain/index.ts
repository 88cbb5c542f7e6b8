export * from './actor.js';
export * from './agreement.js';
export * from './finding.js';
export * from './incident.js';
export * from './report-input.js';
export * from './time.js';
export * from './time-value.js';
export * from './zone.js';
