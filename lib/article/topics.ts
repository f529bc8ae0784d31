import { COLUMN_CUES, HEADLINE_LEADERS, NEUTRAL_TERMS, ROUNDUP_TITLE, TOPIC_LEXICON } from "./topic-lexicon";

/**
 * Topics every article gets, from a fixed newspaper taxonomy.
 *
 * Method (no segmentation: a substring lexicon is enough and ~50x cheaper than jieba):
 * 1. Text is NFKC-normalised and stripped of whitespace (OCR pages break words
 *    across lines), then scanned once, leftmost-longest, against one lexicon of
 *    weighted terms (`topic-lexicon.ts`). Longest-match lets a longer term hide a
 *    misleading shorter one (国际机场 is transport, 单项冠军 is not sport).
 * 2. Per topic, each term contributes weight × √(occurrences): repetition counts,
 *    but one word repeated twenty times does not outvote five different ones.
 * 3. Headline hits count TITLE_WEIGHT times, kicker/subtitle hits SIDE_WEIGHT
 *    times; body hits are divided by √(length / 300) so that a long feature does
 *    not drown its own headline and a short brief is not starved.
 * 4. Column cues (the source's section, a column tag in the headline such as
 *    （国际视点）, a kicker) add a bonus to one topic as if it were a headline term.
 *    The tag itself is cut from the headline first: 春节文化扫描 names a series,
 *    not the article's subject. A headline naming a national leader lifts 时政 to
 *    the secondary threshold (a leader's activity is state affairs by definition).
 * 5. The best topic is primary; others follow while they reach SECONDARY_RATIO of
 *    the best score (at most 3). With no evidence at all the article is 综合;
 *    multi-item roundups (联播快讯) are 综合 unless their headline names a topic.
 * Output is a pure function of the input: ties break in taxonomy order.
 */

/** The taxonomy, in display order. */
export const TOPICS = [
  /** 时政: state affairs — leaders' activities, central meetings and documents, the State Council, 人大/政协, governance. */
  "时政",
  /** 党建: the Party as an organisation — party building, discipline inspection and anti-corruption, study campaigns, party history and martyrs, 共青团, 统战. */
  "党建",
  /** 国际: foreign countries and China's diplomacy — state visits, talks with foreign leaders, international organisations, foreign conflicts. */
  "国际",
  /** 港澳台: Hong Kong, Macao, Taiwan and cross-strait affairs, 一国两制. */
  "港澳台",
  /** 经济: macro economy, industry, enterprises, finance, trade, consumption and markets. */
  "经济",
  /** 科技: science and technology — research, space, digital technology, innovation awards. */
  "科技",
  /** 教育: schools, universities, teachers and students, exams, education policy. */
  "教育",
  /** 文化: culture and the arts — heritage, literature, film, performance, publishing and media, festivals and customs. */
  "文化",
  /** 旅游: tourism — travel, scenic spots, holiday travel markets. */
  "旅游",
  /** 卫生健康: health — hospitals and medical staff, disease and epidemics (COVID-19), medicine, public health. */
  "卫生健康",
  /** 社会民生: people's livelihood — employment, social security, elderly care, communities, welfare, volunteers, consumers. */
  "社会民生",
  /** 法治: law and justice — courts, procuratorates, police and crime, legislation, law enforcement, dispute mediation. */
  "法治",
  /** 生态环境: ecology and environment — pollution control, conservation, forests and deserts, climate, carbon. */
  "生态环境",
  /** 农业农村: agriculture and rural areas — farming, villages, poverty alleviation, rural revitalisation. */
  "农业农村",
  /** 交通建设: transport and construction — railways, roads, aviation, ports, travel rushes, infrastructure, urban building, water works. */
  "交通建设",
  /** 军事国防: the armed forces and national defence — PLA, training, veterans and military families, armed conflict. */
  "军事国防",
  /** 体育: sport — competitions, athletes, the Olympics and other games, fitness. */
  "体育",
  /** 应急安全: disasters and emergencies — earthquakes, floods, severe weather, fires, accidents, rescue, work safety. */
  "应急安全",
  /** 综合: multi-item roundups and items with no identifiable subject (advertisements, programme notes). */
  "综合",
] as const;
export type Topic = (typeof TOPICS)[number];

export type TopicInput = {
  title: string;
  kicker?: string | null;
  subtitle?: string | null;
  body: string;
  column?: string | null;
};

const MAX_TOPICS = 3;
const TITLE_WEIGHT = 3;
const SIDE_WEIGHT = 1.5;
/** Body length (characters) up to which body hits count in full. */
const BODY_NORM_LENGTH = 300;
/** A secondary topic must reach this share of the primary's score. */
const SECONDARY_RATIO = 0.5;
/** Below this best score there is no evidence worth a topic. */
const MIN_SCORE = 1;

type Entry = { term: string; topics: Array<{ topic: number; weight: number }> };
type Lexicon = { byFirstUnit: Map<string, Entry[]>; entries: Entry[] };

const FALLBACK: Topic = "综合";
const SCORED_TOPICS = TOPICS.filter((topic): topic is Exclude<Topic, "综合"> => topic !== FALLBACK);

let lexicon: Lexicon | undefined;

function buildLexicon(): Lexicon {
  const byTerm = new Map<string, Entry>();
  const getEntry = (term: string): Entry => {
    const key = term.normalize("NFKC");
    let entry = byTerm.get(key);
    if (!entry) {
      entry = { term: key, topics: [] };
      byTerm.set(key, entry);
    }
    return entry;
  };
  SCORED_TOPICS.forEach((topic) => {
    const topicIndex = TOPICS.indexOf(topic);
    for (const [weight, terms] of Object.entries(TOPIC_LEXICON[topic])) {
      for (const term of terms?.split(/\s+/) ?? []) {
        if (!term) continue;
        const entry = getEntry(term);
        const existing = entry.topics.find((item) => item.topic === topicIndex);
        // A term listed twice for one topic keeps its strongest weight rather than adding up.
        if (existing) existing.weight = Math.max(existing.weight, Number(weight));
        else entry.topics.push({ topic: topicIndex, weight: Number(weight) });
      }
    }
  });
  for (const term of NEUTRAL_TERMS) getEntry(term);
  const entries = [...byTerm.values()];
  const byFirstUnit = new Map<string, Entry[]>();
  for (const entry of entries) {
    const first = entry.term[0];
    if (first === undefined) continue;
    const bucket = byFirstUnit.get(first) ?? [];
    bucket.push(entry);
    byFirstUnit.set(first, bucket);
  }
  // Longest first so that the first match at a position is the longest one.
  for (const bucket of byFirstUnit.values()) bucket.sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : 1));
  return { byFirstUnit, entries };
}

function getLexicon(): Lexicon {
  lexicon ??= buildLexicon();
  return lexicon;
}

function normalizeForMatching(text: string | null | undefined): string {
  if (!text) return "";
  return text.normalize("NFKC").replace(/\s+/g, "");
}

/** Leftmost-longest scan; returns how often each lexicon entry occurs. */
function countTerms(text: string, { byFirstUnit }: Lexicon): Map<Entry, number> {
  const counts = new Map<Entry, number>();
  let index = 0;
  while (index < text.length) {
    const bucket = byFirstUnit.get(text[index] as string);
    let advanced = false;
    if (bucket) {
      for (const entry of bucket) {
        if (text.startsWith(entry.term, index)) {
          counts.set(entry, (counts.get(entry) ?? 0) + 1);
          index += entry.term.length;
          advanced = true;
          break;
        }
      }
    }
    if (!advanced) index += 1;
  }
  return counts;
}

function addScores(scores: Float64Array, counts: Map<Entry, number>, factor: number): void {
  for (const [entry, count] of counts) {
    const damped = Math.sqrt(count) * factor;
    for (const { topic, weight } of entry.topics) scores[topic] = (scores[topic] ?? 0) + weight * damped;
  }
}

/** Column tags printed inside a headline: 与“新生事物”一起成长（人民论坛·70华诞） → 人民论坛·70华诞. */
const COLUMN_TAG = /[(【[]([^()【】[\]]{2,40})[)】\]]/g;

function extractColumnTags(title: string): string[] {
  return [...title.matchAll(COLUMN_TAG)].map((match) => match[1] ?? "");
}

function addColumnCues(scores: Float64Array, columns: readonly string[]): void {
  const best = new Map<number, number>();
  for (const column of columns) {
    if (!column) continue;
    for (const [cue, topic, strength] of COLUMN_CUES) {
      if (!column.includes(cue)) continue;
      const topicIndex = TOPICS.indexOf(topic);
      // The strongest matching cue per topic counts: 中国经济 should not also add 经济.
      best.set(topicIndex, Math.max(best.get(topicIndex) ?? 0, strength));
    }
  }
  for (const [topic, strength] of best) scores[topic] = (scores[topic] ?? 0) + strength * TITLE_WEIGHT;
}

const POLITICS = TOPICS.indexOf("时政");

function liftPolitics(scores: Float64Array): void {
  const best = Math.max(...scores);
  scores[POLITICS] = Math.max(scores[POLITICS] ?? 0, best * SECONDARY_RATIO);
}

function rankTopics(scores: Float64Array): Array<{ topic: Topic; score: number }> {
  return TOPICS.map((topic, index) => ({ topic, score: scores[index] ?? 0 }))
    .filter((item) => item.topic !== FALLBACK && item.score > 0)
    .sort((a, b) => b.score - a.score || TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic));
}

/** Per-topic scores, exposed for the evaluation and for debugging a surprising label. */
export function scoreTopics(input: TopicInput): Array<{ topic: Topic; score: number }> {
  const lex = getLexicon();
  const title = normalizeForMatching(input.title);
  const side = normalizeForMatching([input.kicker, input.subtitle].filter(Boolean).join("|"));
  const body = normalizeForMatching(input.body);
  const scores = new Float64Array(TOPICS.length);
  addScores(scores, countTerms(title.replace(COLUMN_TAG, ""), lex), TITLE_WEIGHT);
  addScores(scores, countTerms(side, lex), SIDE_WEIGHT);
  addScores(scores, countTerms(body, lex), 1 / Math.sqrt(Math.max(body.length, BODY_NORM_LENGTH) / BODY_NORM_LENGTH));
  addColumnCues(scores, [normalizeForMatching(input.column), normalizeForMatching(input.kicker), ...extractColumnTags(title)]);
  if (HEADLINE_LEADERS.some((name) => title.includes(name) || side.includes(name))) liftPolitics(scores);
  return rankTopics(scores);
}

function assignRoundupTopics(title: string): Topic[] {
  const scores = new Float64Array(TOPICS.length);
  addScores(scores, countTerms(title, getLexicon()), 1);
  const best = rankTopics(scores)[0];
  return [best?.topic ?? FALLBACK];
}

/** 1–3 topics from `TOPICS`, primary first; never empty. */
export function assignTopics(input: TopicInput): Topic[] {
  const title = normalizeForMatching(input.title);
  if (ROUNDUP_TITLE.test(title)) return assignRoundupTopics(title);
  const ranked = scoreTopics(input);
  const best = ranked[0];
  if (!best || best.score < MIN_SCORE) return [FALLBACK];
  const topics: Topic[] = [best.topic];
  for (const candidate of ranked.slice(1)) {
    if (topics.length >= MAX_TOPICS || candidate.score < best.score * SECONDARY_RATIO) break;
    topics.push(candidate.topic);
  }
  return topics;
}
