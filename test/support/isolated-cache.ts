/**
 * Jest setup: no test reads or writes the user's own cache of reviews (~/.cache/nianbao): each test file
 * starts with an empty cache folder of its own.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

process.env.NIANBAO_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'nianbao-cache-'));
