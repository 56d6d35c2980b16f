/** Deeper than any real tool input; deep enough that no campaign item needs more. */
export const MAX_INPUT_DEPTH = 32;

/**
 * The path to the first value nested deeper than `max` objects or arrays, or null. Iterative, so a
 * hostile input thousands of levels deep cannot overflow the stack here (it would further on: in
 * validation, cloning or serialising).
 */
export function tooDeep(value: unknown, max = MAX_INPUT_DEPTH): string | null {
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length) {
    const [v, depth, path] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return path || 'input';
    for (const [k, child] of Object.entries(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1, path ? `${path}.${k}` : k]);
  }
  return null;
}
