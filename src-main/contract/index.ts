export * from './api';
export * from './events';
export * from './result';
export type * from './client';
export * from './ipc-channels';
export * from './vault';
export * from './diary';
export * from './policy';
export * from './help';
