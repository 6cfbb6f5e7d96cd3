// The atomic write lives in shared/cli/atomic-write.ts (the CLI writes every file through it too).
export * from '../../shared/cli/atomic-write';
