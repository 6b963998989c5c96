/**
 * Lets Vitest's messages through: a test that works for a long time without waiting for anything keeps its worker
 * from answering Vitest, which gives up after a minute on a busy machine ("Timeout calling onTaskUpdate").
 * Await it between the steps of long synchronous work.
 */
export const answerVitest = () => new Promise<void>((resolve) => setImmediate(resolve));
