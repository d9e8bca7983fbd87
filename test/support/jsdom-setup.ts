// jsdom lacks IndexedDB and a few browser APIs the task pane uses.
import 'fake-indexeddb/auto';
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
if (!globalThis.structuredClone) {
  globalThis.structuredClone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
}

// Fluent's MessageBar measures itself with a ResizeObserver, which jsdom lacks.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;
