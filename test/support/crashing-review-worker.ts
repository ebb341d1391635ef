/**
 * A worker of the review's pool that dies on purpose with some files, as a bug or a huge file would take
 * a real one down: a file whose name holds "exit" ends the thread, "throw" throws where nothing catches
 * it, "oom" fills the heap. Every other file is checked as the real worker checks it.
 */
import * as path from 'path';
import { checkTask, type CheckTask } from '../../src/cli/review-check';
import { serve } from '../../src/cli/worker-pool';

serve(async (task: CheckTask) => {
  const name = path.basename(task.file);
  if (name.includes('exit')) process.exit(7);
  if (name.includes('throw')) {
    setImmediate(() => {
      throw new Error('a bug in one file');
    });
    return new Promise<never>(() => undefined);
  }
  if (name.includes('oom')) {
    const hog: number[][] = [];
    for (;;) hog.push(new Array(1e6).fill(hog.length));
  }
  return checkTask(task);
});
