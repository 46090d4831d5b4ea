/** The top of a large list in order, without sorting all of it. */

/**
 * The first `count` of `rows` in `compare`'s order (it may sort `rows` in
 * place). A page near the top keeps a heap of `count` rows instead of sorting
 * all: most rows are turned away by one comparison with its last one.
 */
export function firstSorted<T>(
  rows: T[],
  count: number,
  compare: (a: T, b: T) => number,
): T[] {
  if (count <= 0) return [];
  if (count * 4 >= rows.length) return rows.sort(compare).slice(0, count);
  // A heap whose root is the row kept that comes last.
  const heap: T[] = [];
  const later = (i: number, j: number) => compare(heap[i], heap[j]) > 0;
  const siftDown = (from: number) => {
    let i = from;
    while (true) {
      const left = 2 * i + 1;
      let last = i;
      if (left < heap.length && later(left, last)) last = left;
      if (left + 1 < heap.length && later(left + 1, last)) last = left + 1;
      if (last === i) return;
      [heap[i], heap[last]] = [heap[last], heap[i]];
      i = last;
    }
  };
  for (const row of rows) {
    if (heap.length < count) {
      heap.push(row);
      for (let i = heap.length - 1; i > 0 && later(i, (i - 1) >> 1);) {
        const parent = (i - 1) >> 1;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (compare(row, heap[0]) < 0) {
      heap[0] = row;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}
