/** `GET /rest/api/3/field`: the system fields and the site's custom fields, in Jira's shape. */
import { SYSTEM_FIELDS } from '../catalog';
import { storyPointFields } from '../site';
import type { Reply } from '../http';
import type { RequestContext } from '../router';

const FLOAT = 'com.atlassian.jira.plugin.system.customfieldtypes:float';
const JSW_POINTS = 'com.pyxis.greenhopper.jira:jsw-story-points';
const TEXTAREA = 'com.atlassian.jira.plugin.system.customfieldtypes:textarea';

function custom(id: string, name: string, type: string, customType: string): Record<string, unknown> {
  const customId = Number(id.slice('customfield_'.length));
  return {
    id,
    key: id,
    name,
    untranslatedName: name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, name],
    schema: { type, custom: customType, customId },
  };
}

export function listFields(ctx: RequestContext): Reply {
  const { acceptanceCriteria } = ctx.store.current.fields;
  const system = SYSTEM_FIELDS.map((f) => ({
    id: f.id,
    key: f.id,
    name: f.name,
    custom: false,
    orderable: f.orderable,
    navigable: true,
    searchable: true,
    clauseNames: [f.id],
    schema: f.items ? { type: f.schemaType, items: f.items, system: f.id } : { type: f.schemaType, system: f.id },
  }));
  // Team-managed projects use "Story point estimate" (Jira Software's own type); company-managed a number field.
  const points = storyPointFields(ctx.store.current).map((f) => custom(f.id, f.name, 'number', /estimate/i.test(f.name) ? JSW_POINTS : FLOAT));
  const fields: Record<string, unknown>[] = [...system, ...points];
  if (acceptanceCriteria) fields.push(custom(acceptanceCriteria.id, acceptanceCriteria.name, 'string', TEXTAREA));
  return { status: 200, body: fields };
}
