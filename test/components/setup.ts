/**
 * What jsdom (jest-environment-jsdom 30) lacks and the task pane's tests need. Imported first by
 * each test under test/components, which start with the `@jest-environment jsdom` docblock (the
 * suite's default environment is node, and jest.config.js stays as it is).
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';

/**
 * structuredClone, which the strict Excel fake uses to hand out loaded values: Node has it, jsdom's
 * window does not. Enough for what Excel returns (primitives, arrays, plain objects, dates, maps, sets);
 * anything else throws, as the real one does with a DataCloneError.
 */
function cloneData<T>(value: T, seen = new Map<unknown, unknown>()): T {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') throw new Error(`structuredClone: ${typeof value} cannot be cloned`);
    return value;
  }
  if (seen.has(value)) return seen.get(value) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    value.forEach((item, i) => (copy[i] = cloneData(item, seen)));
    return copy as T;
  }
  if (value instanceof Map) {
    const copy = new Map();
    seen.set(value, copy);
    value.forEach((v, k) => copy.set(cloneData(k, seen), cloneData(v, seen)));
    return copy as T;
  }
  if (value instanceof Set) {
    const copy = new Set();
    seen.set(value, copy);
    value.forEach((v) => copy.add(cloneData(v, seen)));
    return copy as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new Error(`structuredClone: ${proto?.constructor?.name ?? 'object'} cannot be cloned here`);
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [k, v] of Object.entries(value)) copy[k] = cloneData(v, seen);
  return copy as T;
}

if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = ((value: unknown) => cloneData(value)) as typeof structuredClone;
}

/**
 * TextDecoder and TextEncoder, which the .xlsx reader uses to read the sample: Node has them, jsdom's
 * window does not.
 */
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof globalThis.TextDecoder;
globalThis.TextEncoder ??= NodeTextEncoder as unknown as typeof globalThis.TextEncoder;
