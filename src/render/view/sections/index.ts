/**
 * The backlog report's sections that the report page (static/report) and the self-contained HTML
 * file (src/render/html.tsx) share: the same components, text and data; the surface (surface.tsx)
 * says how keys and stories are shown, and each surface adds what only it has (live lists, links).
 */
export { CriteriaSection } from './CriteriaSection';
export { DistributionSection } from './DistributionSection';
export { FixFirstSection, type FixFirstRow } from './FixFirstSection';
export { DuplicatesSection, type DuplicateGroup } from './DuplicatesSection';
export { DependenciesSection, type Cycle } from './DependenciesSection';
export { PersonasSection, PERSONA_EXAMPLES, type PersonaRow } from './PersonasSection';
export { UniformitySection } from './UniformitySection';
