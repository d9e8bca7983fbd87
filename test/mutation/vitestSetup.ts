// The policy core's unit tests are written for Jest; under Vitest (mutation testing only, see
// vitest.mutation.config.mjs) their few `jest.*` calls are Vitest's `vi`, which has the same API.
// Only calls made at run time: a `jest.mock(...)` would not be hoisted under Vitest (none is used).
import { vi } from 'vitest';

(globalThis as { jest?: unknown }).jest = vi;
