export { createEmulator, type Emulator, type EmulatorOptions, type IssueEvent, type RequestLogEntry } from './emulator';
export { EmulatorStore, type StoreOptions } from './store';
export { Faults, type FaultConfig, type FaultStats } from './faults';
export { loadProjectFile, validateProject, ProjectFileError } from './load';
export { MANIFEST_PROPERTY_INDEXES, type PropertyIndex, type PropertyValueType } from './jql/aliases';
export { parseJql, JqlError } from './jql';
export { DEFAULT_MAX_RESULTS, MAX_RESULTS_WITH_FIELDS, MAX_RESULTS_IDS_ONLY, DEFAULT_TOKEN_TTL_MS } from './paging';
