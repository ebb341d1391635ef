/** A worker thread of the batch review's pool (review-batch.ts): checks each file it is given. */
import { checkTask } from './review-check';
import { serve } from './worker-pool';

serve(checkTask);
