import { getJongseong, hasBatchim } from "es-hangul";

// Korean particles (조사) and the copula that follow a noun with no space: 현대차가, 기아의,
// 삼성전자에서도, 현대차株. Longest first, so the alternation takes the whole particle.
const PARTICLES = [
  "에서는",
  "에서도",
  "으로는",
  "이라는",
  "에서",
  "에게",
  "으로",
  "라는",
  "이랑",
  "이나",
  "이며",
  "까지",
  "부터",
  "보다",
  "처럼",
  "마저",
  "조차",
  "와의",
  "과의",
  "와는",
  "과는",
  "에는",
  "에도",
  "이다",
  "랑",
  "나",
  "며",
  "의",
  "이",
  "가",
  "은",
  "는",
  "을",
  "를",
  "와",
  "과",
  "도",
  "에",
  "로",
  "만",
  "다",
  "株",
  "發",
];
const PARTICLE = `(?:${PARTICLES.join("|")})`;
const BOUNDARY_BEFORE = "(?<![\\p{L}\\p{N}])";
// After a name: no letter or digit, unless one or two particles come first.
const BOUNDARY_AFTER = `(?=(${PARTICLE}{1,2})?(?![\\p{L}\\p{N}]))`;

// Particles in pairs: the first form follows a final consonant (받침), the second does not.
const AFTER_BATCHIM = new Set(["이", "은", "을", "과", "이랑", "이나", "이며", "이라는", "과의", "과는", "이다"]);
const AFTER_VOWEL = new Set(["가", "는", "를", "와", "랑", "나", "며", "라는", "와의", "와는", "다"]);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
}

/** Short upper-case names (HMM, SKT, KT&G) match only in upper case: "hmm" is not a shipper. */
export function isCaseSensitive(name: string): boolean {
  return /^[A-Z0-9&]{2,4}$/.test(name);
}

/** A whole-name pattern; `prefix` also matches at the start of a longer word (for lookalikes). */
export function namePattern(name: string, prefix = false): RegExp {
  const flags = isCaseSensitive(name) ? "gu" : "giu";
  return new RegExp(`${BOUNDARY_BEFORE}${escape(name)}${prefix ? "" : BOUNDARY_AFTER}`, flags);
}

/**
 * Whether the particle after a Hangul name agrees with its last syllable (현대차가, 셀트리온이;
 * not 셀트리온가). Names ending in Latin letters or digits take either form (NAVER가, HMM이).
 */
export function particleFits(name: string, particles: string | undefined): boolean {
  if (!particles) return true;
  const last = name.at(-1) ?? "";
  if (!/\p{Script=Hangul}/u.test(last)) return true;
  const final = hasBatchim(last) ? getJongseong(last) : "";
  // 로 follows a vowel or ㄹ; 으로 any other final consonant.
  if (particles.startsWith("으로")) return final !== "" && final !== "ㄹ";
  if (particles.startsWith("로")) return final === "" || final === "ㄹ";
  const first = [...AFTER_BATCHIM, ...AFTER_VOWEL]
    .filter((p) => particles.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (!first) return true;
  if (AFTER_BATCHIM.has(first)) return final !== "";
  return final === "";
}

/** Whether a context word occurs: a whole word for Latin words, anywhere for Korean ones. */
export function mentions(text: string, word: string): boolean {
  if (/\p{Script=Hangul}/u.test(word)) return text.includes(word);
  let pattern = wordPatterns.get(word);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, "iu");
    wordPatterns.set(word, pattern);
  }
  return pattern.test(text);
}

const wordPatterns = new Map<string, RegExp>();
