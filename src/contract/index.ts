export * from './envelope';
export * from './keys';
export * from './panel';
export * from './settings';
export * from './report';
export * from './ui';
export * from './ai-assist';
