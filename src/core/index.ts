export * from './story';
export * from './config';
export { analyze, ENGINE_VERSION } from './analyze';
