export { normalizeDescription, normalizeAcceptanceCriteria, toPlainText, type NormalizedText } from './normalize';
export { detectFormat } from './detect';
