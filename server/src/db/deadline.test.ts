import { DatabaseDeadlineError } from '../errors';
import { withDeadline } from './deadline';

describe('withDeadline', () => {
  it('answers as the call does when it is in time', async () => {
    await expect(withDeadline(Promise.resolve(7), 1000, 'x')).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error('no')), 1000, 'x')).rejects.toThrow('no');
  });

  it('rejects with a DatabaseDeadlineError naming the call when it never answers, and swallows a late failure', async () => {
    let fail: (error: Error) => void = () => undefined;
    const silent = new Promise<never>((_resolve, reject) => (fail = reject));
    const raced = withDeadline(silent, 10, 'graph query x');
    await expect(raced).rejects.toBeInstanceOf(DatabaseDeadlineError);
    await expect(raced).rejects.toThrow('graph query x: no answer within 10 ms');
    fail(new Error('late')); // no unhandled rejection: nobody waits for it any more
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('accepts thenables (a neo4j-driver Result is one)', async () => {
    // biome-ignore lint/suspicious/noThenProperty: the test needs a thenable that is not a Promise
    const thenable: PromiseLike<number> = { then: (resolve) => Promise.resolve(3).then(resolve) };
    await expect(withDeadline(thenable, 1000, 'x')).resolves.toBe(3);
  });
});
