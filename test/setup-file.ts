import { afterAll } from 'vitest';
import { runFileCleanUps } from './helpers/cleanup.ts';

// Runs before each test file (also when files share a worker process): its registered clean-ups run after it.
afterAll(runFileCleanUps);
