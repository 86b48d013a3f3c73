/** The estimation window of one event, as the study's tests need it. */
export interface EventEstimation {
  /** Market-model residuals over the estimation window (ranks, signs). */
  residuals: readonly number[];
  /** Their standard deviation with n − 2 degrees of freedom. */
  residualSd: number;
  /** Mean and sum of squared deviations of the benchmark's returns there (Patell's correction). */
  marketMean: number;
  marketSxx: number;
}

/** One headline's abnormal returns in event time, measured by the per-event reaction maths. */
export interface StudyEventInput {
  newsId: string;
  /** Event time (epoch ms). */
  t0: number;
  /** Abnormal return at each of the design's steps; null where the data does not reach. */
  ar: readonly (number | null)[];
  /** The raw return from the base price to the end of each step (null where the data does not reach). */
  cumulativeReturns: readonly (number | null)[];
  /** The benchmark's return at each step (null without a benchmark). */
  marketReturns: readonly (number | null)[];
  /** Null when there is no market model (too few returns, or no price before the event). */
  estimation: EventEstimation | null;
  /** Why the event cannot be measured at all, when it cannot. */
  unmeasurable?: string;
}

/** An event with nothing measured yet: every one of `steps` null, no market model. */
export function unmeasuredEvent(newsId: string, t0: number, steps: number): StudyEventInput {
  const empty = new Array<null>(steps).fill(null);
  return { newsId, t0, ar: empty, marketReturns: empty, cumulativeReturns: empty, estimation: null };
}
