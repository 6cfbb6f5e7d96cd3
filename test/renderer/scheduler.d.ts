// React's scheduler has no published types; test/renderer/setup.ts uses two of its exports to wait
// until the work React queued has run.
declare module 'scheduler' {
  export const unstable_IdlePriority: number;
  export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
}
