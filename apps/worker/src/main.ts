import { runService } from '@moderato/config';
import { startWorker } from './worker';

runService('worker', startWorker);
