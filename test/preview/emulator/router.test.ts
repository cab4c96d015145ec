/** The router the Jira emulator and the preview host share. */
import { matchRoute, route, type Route } from '../../../src/preview/emulator/router';

const routes: Route<string>[] = [
  { pattern: '/api/bridge', handlers: { POST: 'bridge' } },
  { pattern: '/apps/:app', handlers: { GET: 'redirect' } },
  { pattern: '/apps/:app/*rest', handlers: { GET: 'app', HEAD: 'app' } },
  { pattern: '/*file', handlers: { GET: 'file' } },
];

test('the first matching pattern decides; `:name` is one decoded segment, `*name` the encoded rest', () => {
  expect(matchRoute(routes, 'GET', '/apps/panel')).toEqual({ ok: true, handler: 'redirect', params: { app: 'panel' } });
  expect(matchRoute(routes, 'GET', '/apps/panel/')).toEqual({ ok: true, handler: 'app', params: { app: 'panel', rest: '' } });
  expect(matchRoute(routes, 'HEAD', '/apps/pa%6Eel/assets/a%20b.js')).toEqual({ ok: true, handler: 'app', params: { app: 'panel', rest: 'assets/a%20b.js' } });
  expect(matchRoute(routes, 'GET', '/favicon.ico')).toEqual({ ok: true, handler: 'file', params: { file: 'favicon.ico' } });
});

test('another method is 405 with what is allowed; a bad escape is 400; nothing matching is 404', () => {
  expect(matchRoute(routes, 'GET', '/api/bridge')).toEqual({ ok: false, status: 405, allow: ['POST'] });
  expect(matchRoute(routes, 'GET', '/apps/%E0%A4%A/x')).toMatchObject({ ok: false, status: 400 });
  expect(matchRoute(routes.slice(0, 3), 'GET', '/nothing')).toEqual({ ok: false, status: 404 });
});

test('the emulator ignores a trailing slash, as Jira does, and answers a miss with a Jira error', () => {
  const jira: Route[] = [{ pattern: '/rest/api/3/myself', handlers: { GET: () => ({ status: 200 }) } }];
  expect(route(jira, 'GET', '/rest/api/3/myself/').params).toEqual({});
  expect(() => route(jira, 'PUT', '/rest/api/3/myself')).toThrow('Method PUT is not allowed for /rest/api/3/myself; use GET.');
  expect(() => route(jira, 'GET', '/rest/api/3/nothing')).toThrow('No resource at GET /rest/api/3/nothing in the Jira emulator.');
});
