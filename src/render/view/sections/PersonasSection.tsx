/** Who the backlog serves: the personas its story sentences name, and how many stories serve nobody. */
import { Section } from '../Section';
import { Table } from '../Table';
import { KeyList } from '../StoryList';
import { useTestId } from '../surface';
import { num, pct, plural } from '../text';

export interface PersonaRow {
  persona: string;
  /** Stories that name the persona; `keys` are the first of them. */
  count: number;
  keys: readonly string[];
}

/** Examples shown per persona. */
export const PERSONA_EXAMPLES = 6;

export interface PersonasProps {
  id: string;
  /** Stories in the backlog. */
  count: number;
  personaCount: number;
  servesNobody: number;
  personas: readonly PersonaRow[];
}

export function PersonasSection({ id, count, personaCount, servesNobody, personas }: PersonasProps) {
  const testId = useTestId();
  return (
    <Section id={id} title="Who the backlog serves">
      <p {...testId('personas-summary')}>
        {personaCount ? `${plural(personaCount, 'persona', 'personas')} named in the stories' roles. ` : 'No story names a role. '}
        {servesNobody ? (
          <>
            <strong>{plural(servesNobody, 'story serves', 'stories serve')}</strong>
            {` nobody we can name (no role): ${pct(servesNobody / count)} of the backlog.`}
          </>
        ) : count ? (
          'Every story names who it serves.'
        ) : null}
      </p>
      {personas.length ? (
        <Table testId="personas" columns={['Persona', { label: 'Stories', numeric: true }, 'For example']}>
          {personas.map((p) => (
            <tr key={p.persona}>
              <td>{p.persona}</td>
              <td className="sh-num">{num(p.count)}</td>
              <td>
                <KeyList keys={p.keys.slice(0, PERSONA_EXAMPLES)} total={p.count} />
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      {personas.length < personaCount ? <p className="sh-subtle">{`The ${num(personas.length)} most frequent are listed.`}</p> : null}
    </Section>
  );
}
