/** The REST resources the emulator answers. */
import type { Route } from '../router';
import { bulkFetch } from './bulkfetch';
import { createMetaFields, createMetaIssueTypes } from './createmeta';
import { getProject } from './projects';
import { listFields } from './fields';
import { createIssue, editIssue, getIssue } from './issues';
import { addComment, listComments } from './comments';
import { createLink } from './links';
import { myPermissions, myself } from './permissions';
import { deleteProperty, getProjectProperty, getProperty, listProperties, setProjectProperty, setProperty } from './properties';
import { removedSearch, searchGet, searchPost } from './search';
import { doTransition, listTransitions } from './transitions';

export const ROUTES: Route[] = [
  { pattern: '/rest/api/3/search/jql', handlers: { GET: searchGet, POST: searchPost } },
  { pattern: '/rest/api/3/search', handlers: { GET: removedSearch, POST: removedSearch } },
  { pattern: '/rest/api/3/issue', handlers: { POST: createIssue } },
  // Before `/issue/:key`: these literal segments are not issue keys.
  { pattern: '/rest/api/3/issue/bulkfetch', handlers: { POST: bulkFetch } },
  { pattern: '/rest/api/3/issue/createmeta/:project/issuetypes', handlers: { GET: createMetaIssueTypes } },
  { pattern: '/rest/api/3/issue/createmeta/:project/issuetypes/:issueTypeId', handlers: { GET: createMetaFields } },
  { pattern: '/rest/api/3/issue/:key', handlers: { GET: getIssue, PUT: editIssue } },
  { pattern: '/rest/api/3/issue/:key/transitions', handlers: { GET: listTransitions, POST: doTransition } },
  { pattern: '/rest/api/3/issue/:key/comment', handlers: { GET: listComments, POST: addComment } },
  { pattern: '/rest/api/3/issue/:key/properties', handlers: { GET: listProperties } },
  { pattern: '/rest/api/3/issue/:key/properties/:propertyKey', handlers: { GET: getProperty, PUT: setProperty, DELETE: deleteProperty } },
  { pattern: '/rest/api/3/field', handlers: { GET: listFields } },
  { pattern: '/rest/api/3/issueLink', handlers: { POST: createLink } },
  { pattern: '/rest/api/3/mypermissions', handlers: { GET: myPermissions } },
  { pattern: '/rest/api/3/myself', handlers: { GET: myself } },
  { pattern: '/rest/api/3/project/:project', handlers: { GET: getProject } },
  { pattern: '/rest/api/3/project/:project/properties/:propertyKey', handlers: { GET: getProjectProperty, PUT: setProjectProperty } },
];
