/**
 * Labels written at the ends of a chart's lines, in place of a legend: each label as near
 * its line's last value as its neighbours allow. Lines that end close together would put
 * their labels on top of one another, so the labels are spread apart, in the order of the
 * values, just enough for each to clear the next, and kept inside the axis's range.
 */

/**
 * Where each label goes, in the axis's units: `values` are the lines' last values, `heights`
 * each label's height in the same units (its lines times the line height, over the axis's
 * scale). Labels keep the order of their values; two neighbours are at least half the sum of
 * their heights apart; none goes below `min` or above `max` when the range has room for all.
 */
export function spreadLabels(values: readonly number[], heights: readonly number[], min: number, max: number): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value || a.index - b.index);
  const placed = new Array<number>(values.length);
  const gap = (a: number, b: number) => (heights[a] + heights[b]) / 2;
  // Upwards from the lowest: each label at its value, or just clear of the one below.
  order.forEach(({ value, index }, rank) => {
    const below = rank > 0 ? order[rank - 1].index : undefined;
    placed[index] = below === undefined ? Math.max(value, min + heights[index] / 2) : Math.max(value, placed[below] + gap(below, index));
  });
  // Then down from the highest, where the top label would leave the range.
  for (let rank = order.length - 1; rank >= 0; rank--) {
    const { index } = order[rank];
    const above = rank < order.length - 1 ? order[rank + 1].index : undefined;
    const ceiling = above === undefined ? max - heights[index] / 2 : placed[above] - gap(index, above);
    placed[index] = Math.min(placed[index], ceiling);
  }
  return placed;
}
