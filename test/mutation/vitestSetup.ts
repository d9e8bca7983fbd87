// The policy core's unit tests are written for Jest; under Vitest (mutation testing only, see
// vitest.mutation.config.mjs) their few `jest.*` calls are Vitest's `vi`, which has the same API.
import { vi } from 'vitest';

(globalThis as { jest?: unknown }).jest = vi;
