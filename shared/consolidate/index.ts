// The bureau's consolidation core, for the CLI and the renderer: one import for the pure modules.
export * from './types';
export * from './registry';
export * from './verify';
export * from './versions';
export * from './completeness';
export * from './totals';
export * from './facts';
export { indicatorAggregation, indicatorNumber, reportValues, totalledSheets } from './totals-layout';
