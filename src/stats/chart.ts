/** The requests-per-second chart: an inline SVG of one bar per second, errors drawn over in red. */

/** Height of the chart's drawing area, in SVG units (one unit per second across). */
const HEIGHT = 100;

/** The smallest of 1, 2 and 5 times a power of ten that is at least `value`. */
export function niceCeiling(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

function bars(values: readonly number[], top: number): string {
  let path = "";
  values.forEach((value, second) => {
    if (value <= 0) return;
    const height = Math.max(1, (value / top) * HEIGHT);
    path += `M${second + 0.5} ${HEIGHT}v-${height.toFixed(2)}`;
  });
  return path;
}

/**
 * An SVG of `requests` (and `errors`) per second, oldest first, scaled to
 * `top` (a nice ceiling of the busiest second). Numbers only go in, so the
 * markup needs no escaping. Never throws.
 */
export function renderRateChart(
  series: { requests: readonly number[]; errors: readonly number[] },
): { svg: string; top: number } {
  const top = niceCeiling(Math.max(0, ...series.requests));
  const width = Math.max(1, series.requests.length);
  const grid = [0.25, 0.5, 0.75].map((f) =>
    `<line x1="0" x2="${width}" y1="${HEIGHT * f}" y2="${HEIGHT * f}"/>`
  ).join("");
  const svg =
    `<svg class="chart" viewBox="0 0 ${width} ${HEIGHT}" preserveAspectRatio="none" role="img" ` +
    `aria-label="Requests per second over the last ${
      Math.round(width / 60)
    } minutes, at most ${top} per second">` +
    `<g class="grid">${grid}</g>` +
    `<path class="ok" d="${bars(series.requests, top)}"/>` +
    `<path class="err" d="${bars(series.errors, top)}"/></svg>`;
  return { svg, top };
}
