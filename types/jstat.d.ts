// The part of jStat (no bundled types) that the study statistics use.
declare module "jstat" {
  interface Distribution {
    cdf(x: number, ...parameters: number[]): number;
    inv(p: number, ...parameters: number[]): number;
  }
  const jStat: { studentt: Distribution; normal: Distribution };
  export default jStat;
}
