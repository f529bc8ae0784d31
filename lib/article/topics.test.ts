import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COLUMN_CUES, HEADLINE_LEADERS, NEUTRAL_TERMS, TOPIC_LEXICON } from "./topic-lexicon";
import { DEFAULT_DATA_DIR, evaluateTopics, hasSharedData } from "./topics-eval";
import { assignTopics, TOPICS, type Topic, type TopicInput } from "./topics";

describe("topic taxonomy", () => {
  it("has 12 to 20 distinct topics including the 综合 fallback", () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(12);
    expect(TOPICS.length).toBeLessThanOrEqual(20);
    expect(new Set(TOPICS).size).toBe(TOPICS.length);
    expect(TOPICS).toContain("综合");
  });

  it("has a lexicon for every topic but 综合, without single characters or repeats", () => {
    const lexiconTopics = Object.keys(TOPIC_LEXICON).sort();
    expect(lexiconTopics).toEqual(TOPICS.filter((topic) => topic !== "综合").sort());
    for (const [topic, groups] of Object.entries(TOPIC_LEXICON)) {
      const terms = Object.values(groups).flatMap((group) => group?.split(/\s+/).filter(Boolean) ?? []);
      // One character matches inside unrelated words (病 in 病毒式, 画 in 规划).
      expect(terms.filter((term) => [...term].length < 2), topic).toEqual([]);
      const repeated = terms.filter((term, index) => terms.indexOf(term) !== index);
      expect(repeated, topic).toEqual([]);
    }
    expect(NEUTRAL_TERMS.filter((term) => [...term].length < 2)).toEqual([]);
    for (const [, topic] of COLUMN_CUES) expect(TOPICS).toContain(topic);
  });
});

const EXAMPLES: Array<{ expected: Topic; input: TopicInput }> = [
  {
    expected: "体育",
    input: {
      title: "中国女篮逆转夺得亚洲杯冠军",
      body: "在昨晚进行的女篮亚洲杯决赛中，中国队以78比72战胜对手，时隔十年再夺冠军。主教练赛后表示，球员们在落后的情况下顽强拼搏，展现了良好的竞技状态。",
    },
  },
  {
    expected: "卫生健康",
    input: {
      title: "县医院开通胸痛救治绿色通道",
      body: "县人民医院近日开通胸痛中心，患者从入院到手术平均用时缩短至60分钟。医院还组织医生护士下乡义诊，为慢性病患者提供诊疗服务。",
    },
  },
  {
    expected: "教育",
    input: {
      title: "新学期中小学课后服务全覆盖",
      body: "开学第一周，全市中小学全面开展课后服务，学校组织教师辅导学生完成作业，开设体育、艺术等兴趣课程，家长接孩子的时间更灵活了。",
    },
  },
  {
    expected: "科技",
    input: {
      title: "我国成功发射一颗遥感卫星",
      body: "今天上午，我国在酒泉卫星发射中心用长征二号丁运载火箭成功发射一颗遥感卫星，卫星顺利进入预定轨道，发射任务获得圆满成功。",
    },
  },
  {
    expected: "经济",
    input: {
      title: "前三季度规上工业增加值同比增长5.8%",
      body: "国家统计局发布数据，前三季度全国规模以上工业增加值同比增长5.8%，社会消费品零售总额增长4.5%，固定资产投资平稳增长，制造业投资增速加快。",
    },
  },
  {
    expected: "农业农村",
    input: {
      title: "秋粮收获过半 农民喜迎丰收",
      body: "眼下正值秋收时节，各地农民抢抓晴好天气收割玉米和水稻。村里的合作社组织农机下田，种粮大户算起增收账，今年粮食产量有望再创新高。",
    },
  },
  {
    expected: "文化",
    input: {
      title: "博物馆里过大年 非遗展演受追捧",
      body: "春节期间，省博物馆推出非物质文化遗产展演，剪纸、皮影、年画等传统技艺轮番登场，传承人现场演示，吸引市民感受中华优秀传统文化。",
    },
  },
  {
    expected: "旅游",
    input: {
      title: "国庆假期景区游客量创新高",
      body: "国庆长假期间，全省重点景区接待游客超过千万人次，乡村游、自驾游持续升温，民宿预订火爆，旅游市场迎来强劲复苏。",
    },
  },
  {
    expected: "生态环境",
    input: {
      title: "长江流域水质持续改善",
      body: "生态环境部通报，长江干流水质连续保持二类，流域内关停沿江化工企业、整治排污口，湿地和珍稀鱼类得到保护，生态修复成效明显。",
    },
  },
  {
    expected: "社会民生",
    input: {
      title: "社区食堂让老人吃上热乎饭",
      body: "在街道社区养老服务中心，老年人花十元钱就能吃上两荤一素。志愿者每天为行动不便的独居老人送餐上门，居民们说这是件暖心的民生实事。",
    },
  },
  {
    expected: "法治",
    input: {
      title: "警方破获特大电信诈骗案",
      body: "市公安局近日破获一起电信网络诈骗案件，抓获犯罪嫌疑人32名，涉案金额两千余万元。民警提醒群众提高防范意识，案件已移送检察院审查起诉。",
    },
  },
  {
    expected: "党建",
    input: {
      title: "省纪委监委通报三起违反八项规定精神问题",
      body: "省纪委监委日前通报三起违反中央八项规定精神典型问题。有关党员干部违规收受礼金，分别受到党内严重警告处分。各级党组织要持之以恒正风肃纪，推进全面从严治党。",
    },
  },
  {
    expected: "时政",
    input: {
      title: "国务院常务会议部署深化放管服改革",
      body: "国务院总理主持召开国务院常务会议，部署进一步深化放管服改革，取消和下放一批行政审批事项，要求各地区各部门抓好落实，推进国家治理体系和治理能力现代化。",
    },
  },
  {
    expected: "国际",
    input: {
      title: "外长会晤 推动双边关系发展",
      body: "外交部长在日内瓦同俄罗斯外长举行会谈。双方表示，愿加强战略沟通，推动两国关系稳定发展，在联合国等多边框架内密切协调。",
    },
  },
  {
    expected: "港澳台",
    input: {
      title: "香港特区政府推出新一轮惠民措施",
      body: "香港特别行政区行政长官宣布新一轮措施，特区政府将加快融入粤港澳大湾区建设，落实一国两制，保持香港长期繁荣稳定。",
    },
  },
  {
    expected: "交通建设",
    input: {
      title: "新建高铁正式开通运营",
      body: "新建高速铁路今天正式开通运营，首趟列车从始发站驶出，沿线城市间旅行时间缩短一半。铁路部门增开动车组，方便旅客出行。",
    },
  },
  {
    expected: "军事国防",
    input: {
      title: "某旅开展实战化演习",
      body: "陆军某旅近日组织跨区实战化演习，官兵在复杂环境中连续作战，检验部队战斗力。演习贯彻强军思想，聚焦练兵备战。",
    },
  },
  {
    expected: "应急安全",
    input: {
      title: "强降雨引发洪涝 转移群众三万人",
      body: "受持续暴雨影响，多条河流超警戒水位，局地发生山体滑坡。应急管理部启动防汛四级应急响应，消防救援队伍连夜开展抢险救灾，已转移受灾群众三万余人。",
    },
  },
];

describe("assignTopics", () => {
  it.each(EXAMPLES)("puts a clear-cut $expected story first: $input.title", ({ expected, input }) => {
    expect(assignTopics(input)[0]).toBe(expected);
  });

  it("covers every scored topic with an example", () => {
    expect(new Set(EXAMPLES.map((example) => example.expected))).toEqual(
      new Set(TOPICS.filter((topic) => topic !== "综合")),
    );
  });

  it("never returns an empty list, falling back to 综合 without evidence", () => {
    expect(assignTopics({ title: "", body: "" })).toEqual(["综合"]);
    expect(assignTopics({ title: "广告", body: "" })).toEqual(["综合"]);
    expect(assignTopics({ title: "今日天晴", body: "abc 123" }).length).toBeGreaterThan(0);
  });

  it("returns 1 to 3 distinct taxonomy topics for any input", () => {
    const han = fc.string({ unit: fc.constantFrom(..."国际经济医院学校冠军农村法院解放军地震旅游文化党员会见总统的了是在和有".split("")) });
    fc.assert(
      fc.property(han, han, fc.option(fc.string()), (title, body, column) => {
        const topics = assignTopics({ title, body, column });
        expect(topics.length).toBeGreaterThanOrEqual(1);
        expect(topics.length).toBeLessThanOrEqual(3);
        expect(new Set(topics).size).toBe(topics.length);
        for (const topic of topics) expect(TOPICS).toContain(topic);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic and independent of call order", () => {
    const inputs = EXAMPLES.map((example) => example.input);
    const forward = inputs.map((input) => assignTopics(input));
    const backward = [...inputs].reverse().map((input) => assignTopics(input)).reverse();
    expect(backward).toEqual(forward);
    expect(inputs.map((input) => assignTopics({ ...input }))).toEqual(forward);
  });

  it("treats news roundups as 综合 unless the headline names a topic", () => {
    const body = "某地举行马拉松比赛。某医院开展义诊。某市地铁新线开通。";
    expect(assignTopics({ title: "国内联播快讯", body })).toEqual(["综合"]);
    expect(assignTopics({ title: "国际联播快讯", body })).toEqual(["国际"]);
  });

  it("adds 时政 when the headline names a national leader", () => {
    const topics = assignTopics({
      title: "习近平会见法国总统",
      body: "国家主席习近平在人民大会堂会见法国总统。双方就双边关系和共同关心的国际问题交换意见。",
    });
    expect(topics[0]).toBe("国际");
    expect(topics).toContain("时政");
    expect(HEADLINE_LEADERS).toContain("习近平");
  });

  it("uses the column as a cue and ignores a headline's column tag as text", () => {
    const body = "训练场上，大家反复打磨每一个动作，力求做到最好。";
    expect(assignTopics({ title: "练就过硬本领", body, column: "军队建设" })[0]).toBe("军事国防");
    // The tag names a series about Spring Festival culture; the story is about village roads.
    const village = assignTopics({
      title: "山村通了硬化路（新春走基层·春节文化扫描）",
      body: "村民们说，过去进村只有泥巴路，如今硬化路修到了家门口，村里的农产品运得出去，农民增收有了盼头。",
    });
    expect(village[0]).toBe("农业农村");
  });

  it("lets longer terms hide misleading shorter ones", () => {
    const topics = assignTopics({
      title: "制造业单项冠军企业增至18户",
      body: "全省累计培育国家级制造业单项冠军企业18户、专精特新小巨人企业142户。",
    });
    expect(topics).not.toContain("体育");
    expect(topics[0]).toBe("经济");
  });

  it("takes well under a millisecond for a long article", () => {
    const paragraph = EXAMPLES.map((example) => example.input.body).join("");
    const input = { title: "长文测试", body: paragraph.repeat(Math.ceil(3000 / paragraph.length)) };
    assignTopics(input); // builds the lexicon once
    const runs = 200;
    const started = performance.now();
    for (let run = 0; run < runs; run++) assignTopics(input);
    expect((performance.now() - started) / runs).toBeLessThan(1);
  });
});

const dataAvailable = hasSharedData();
const evaluationName = dataAvailable
  ? "agrees with the hand-labelled sample (held-out primary accuracy ≥ 0.7)"
  : `agrees with the hand-labelled sample — SKIPPED: shared data not found at ${DEFAULT_DATA_DIR}`;

describe("topic evaluation on real articles", () => {
  it.skipIf(!dataAvailable)(
    evaluationName,
    async () => {
      const evaluation = await evaluateTopics();
      const show = (name: string, agreement: typeof evaluation.all) =>
        `${name}: n=${agreement.articles} primary=${agreement.primaryAccuracy.toFixed(3)} P=${agreement.precision.toFixed(3)} R=${agreement.recall.toFixed(3)} F1=${agreement.f1.toFixed(3)}`;
      console.info(
        [show("tuning", evaluation.tune), show("held-out", evaluation.holdout), show("fresh", evaluation.fresh)].join("\n"),
      );
      expect(evaluation.holdout.articles).toBeGreaterThanOrEqual(60);
      expect(evaluation.holdout.primaryAccuracy).toBeGreaterThanOrEqual(0.7);
      expect(evaluation.fresh.primaryAccuracy).toBeGreaterThanOrEqual(0.7);
    },
    60_000,
  );
});
