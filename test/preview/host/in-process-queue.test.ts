import { createInProcessQueue } from '../../../src/preview/queue/in-process';

describe('in-process queue', () => {
  it('runs events one at a time in push order, after the push returns', async () => {
    const queue = createInProcessQueue();
    const log: string[] = [];
    queue.register(async (event) => {
      log.push(`start ${String(event.n)}`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`end ${String(event.n)}`);
    });
    await queue.push([{ n: 1 }, { n: 2 }]);
    log.push('pushed');
    await queue.push([{ n: 3 }]);
    await queue.idle();
    expect(log).toEqual(['pushed', 'start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('keeps events until a consumer is registered, and passes copies', async () => {
    const queue = createInProcessQueue();
    const event = { projectKey: 'FOOD', jobId: 'j1' };
    await queue.push([event]);
    event.jobId = 'changed';
    expect(queue.pending).toBe(1);
    const seen: unknown[] = [];
    queue.register(async (e) => {
      seen.push(e);
    });
    await queue.idle();
    expect(seen).toEqual([{ projectKey: 'FOOD', jobId: 'j1' }]);
  });

  it('reports a failing consumer and goes on with the next event', async () => {
    const errors: string[] = [];
    const queue = createInProcessQueue({ onError: (error) => errors.push((error as Error).message) });
    const done: number[] = [];
    queue.register(async (e) => {
      if (e.n === 1) throw new Error('boom');
      done.push(e.n as number);
    });
    await queue.push([{ n: 1 }, { n: 2 }]);
    await queue.idle();
    expect(errors).toEqual(['boom']);
    expect(done).toEqual([2]);
  });

  it("enforces Forge's push limits", async () => {
    const queue = createInProcessQueue();
    await expect(queue.push([])).rejects.toThrow(/1 to 50/);
    await expect(queue.push(Array.from({ length: 51 }, () => ({})))).rejects.toThrow(/at most 50/);
    await expect(queue.push([{ big: 'x'.repeat(200 * 1024) }])).rejects.toThrow(/larger than/);
  });
});
