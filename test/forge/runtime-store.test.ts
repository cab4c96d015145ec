/** The Forge store's set-if-absent: KVS `keyPolicy: 'FAIL_IF_EXISTS'`, its 409 KEY_CONFLICT read as "already set". */
const set = jest.fn();
jest.mock('@forge/kvs', () => ({ kvs: { set: (...args: unknown[]) => set(...args) }, WhereConditions: {} }));
jest.mock('@forge/events', () => ({ Queue: class {} }));

import { forgeDeps } from '../../src/forge/runtime';

class KvsConflict extends Error {
  code = 'KEY_CONFLICT';
  responseDetails = { status: 409, statusText: 'Conflict' };
}

beforeEach(() => set.mockReset());

test('create sets with FAIL_IF_EXISTS and answers true', async () => {
  set.mockResolvedValue(undefined);
  expect(await forgeDeps().store.create('claim:FOOD-8:task-1:1', { at: 'now' })).toBe(true);
  expect(set).toHaveBeenCalledWith('claim:FOOD-8:task-1:1', { at: 'now' }, { keyPolicy: 'FAIL_IF_EXISTS' });
});

test('a key that exists (409 KEY_CONFLICT) answers false; any other error is thrown', async () => {
  set.mockRejectedValueOnce(new KvsConflict('Key already exists'));
  expect(await forgeDeps().store.create('claim:FOOD-8:task-1:1', {})).toBe(false);
  set.mockRejectedValueOnce(new Error('network down'));
  await expect(forgeDeps().store.create('claim:FOOD-8:task-1:1', {})).rejects.toThrow('network down');
});
