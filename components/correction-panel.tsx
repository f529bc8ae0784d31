import type { Article } from "@/lib/article/types";
import { TOPICS } from "@/lib/article/topics";
import { describeCorrection, formatAuthorLine, formatCreditLine } from "@/lib/app/correction-labels";
import { NOT_ARTICLE_REASONS, type Correction } from "@/lib/corrections/correction-input";
import type { Session } from "@/lib/librarians/sessions";

type Props = {
  article: Article;
  session: Session;
  history: Correction[];
  notice: { kind: "saved" | "undone" | "error"; text: string } | null;
};

const input = "mt-1 w-full rounded border border-stone-400 bg-white px-2 py-1.5";
const button = "rounded border border-stone-500 bg-white px-3 py-1.5 font-medium hover:border-stone-800 hover:bg-stone-50";

/**
 * The librarian's editor under an article: plain forms (they work without JavaScript), each
 * carrying the session's CSRF token. Every change is recorded with who and when, and can be
 * undone from the history below.
 */
export function CorrectionPanel({ article, session, history, notice }: Props) {
  const hidden = (kind: string) => (
    <>
      <input type="hidden" name="csrf" value={session.csrfToken} />
      <input type="hidden" name="articleId" value={article.id} />
      <input type="hidden" name="kind" value={kind} />
    </>
  );
  return (
    <section id="correct" aria-labelledby="correct-heading" className="mt-10 rounded-lg border-2 border-amber-300 bg-amber-50/40 p-5" data-testid="correction-panel">
      <h2 id="correct-heading" className="text-xl font-semibold">
        馆员更正 <span className="text-sm font-normal text-stone-600">（{session.librarian}）</span>
      </h2>
      {notice ? (
        <p role={notice.kind === "error" ? "alert" : "status"} data-testid="correction-notice" className={`mt-3 rounded px-3 py-2 ${notice.kind === "error" ? "border border-red-300 bg-red-50 text-red-900" : "border border-emerald-300 bg-emerald-50"}`}>
          {notice.text}
        </p>
      ) : null}
      <form method="post" action="/api/corrections" className="mt-4 grid gap-3 sm:grid-cols-2" aria-label="更正著录信息">
        {hidden("fields")}
        <input type="hidden" name="topicsShown" value="1" />
        <Field label="引题" name="kicker" value={article.kicker ?? ""} />
        <Field label="标题" name="title" value={article.title} required />
        <Field label="副题" name="subtitle" value={article.subtitle ?? ""} />
        <Field label="栏目" name="column" value={article.column ?? ""} />
        <Field label="日期" name="date" value={article.date ?? ""} type="date" />
        <Field label="版次" name="page" value={article.page === null ? "" : String(article.page)} type="number" />
        <div>
          <label htmlFor="fix-authors" className="font-medium">
            作者<span className="block text-sm font-normal text-stone-600">每行一人：“记者 王某”、“王某（通讯员）”或“王某”</span>
          </label>
          <textarea id="fix-authors" name="authors" rows={4} defaultValue={article.authors.map(formatAuthorLine).join("\n")} className={input} data-testid="fix-authors" />
        </div>
        <div>
          <label htmlFor="fix-credits" className="font-medium">
            其他署名<span className="block text-sm font-normal text-stone-600">每行一项：“版式设计：蔡华伟”</span>
          </label>
          <textarea id="fix-credits" name="credits" rows={4} defaultValue={article.credits.map(formatCreditLine).join("\n")} className={input} />
        </div>
        <fieldset className="sm:col-span-2">
          <legend className="font-medium">主题</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {TOPICS.map((topic) => (
              <label key={topic} className="inline-flex items-center gap-1">
                <input type="checkbox" name="topics" value={topic} defaultChecked={article.topics.includes(topic)} />
                {topic}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="sm:col-span-2">
          <button type="submit" className={button} data-testid="save-fields">
            保存更正
          </button>
        </div>
      </form>
      <div className="mt-6 grid gap-4 border-t border-amber-200 pt-4 sm:grid-cols-3">
        <form method="post" action="/api/corrections" aria-label="与下一篇合并">
          {hidden("merge")}
          <p className="text-sm text-stone-700">本篇和同版下一篇其实是一篇：</p>
          <button type="submit" className={`${button} mt-2`}>
            与下一篇合并
          </button>
        </form>
        {article.blocks.length > 1 ? (
          <form method="post" action="/api/corrections" aria-label="拆分文章">
            {hidden("split")}
            <label htmlFor="split-at" className="text-sm text-stone-700">
              从此段起另成一篇：
            </label>
            <select id="split-at" name="atBlock" className={input}>
              {article.blocks.slice(1).map((block, i) => (
                <option key={i} value={i + 1}>
                  第 {i + 2} 段：{"text" in block ? [...block.text].slice(0, 16).join("") : "表格"}
                </option>
              ))}
            </select>
            <label htmlFor="split-title" className="mt-2 block text-sm text-stone-700">
              新文章标题（可空，空则取自正文）
            </label>
            <input id="split-title" name="title" className={input} />
            <button type="submit" className={`${button} mt-2`}>
              拆分
            </button>
          </form>
        ) : null}
        <form method="post" action="/api/corrections" aria-label="标为非文章">
          {hidden("not-article")}
          <label htmlFor="not-article-reason" className="text-sm text-stone-700">
            这不是文章：
          </label>
          <select id="not-article-reason" name="reason" className={input}>
            {Object.entries(NOT_ARTICLE_REASONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="submit" className={`${button} mt-2`}>
            标为非文章
          </button>
        </form>
      </div>
      <CorrectionHistory article={article} session={session} history={history} />
    </section>
  );
}

function Field({ label, name, value, type = "text", required = false }: { label: string; name: string; value: string; type?: string; required?: boolean }) {
  return (
    <div>
      <label htmlFor={`fix-${name}`} className="font-medium">
        {label}
      </label>
      <input id={`fix-${name}`} name={name} type={type} defaultValue={value} required={required} min={type === "number" ? 1 : undefined} className={input} />
    </div>
  );
}

function CorrectionHistory({ article, session, history }: Omit<Props, "notice">) {
  if (history.length === 0) return <p className="mt-6 text-sm text-stone-600">本篇还没有更正记录。</p>;
  return (
    <div className="mt-6 border-t border-amber-200 pt-4">
      <h3 className="font-semibold">更正记录</h3>
      <ol className="mt-2 space-y-2 text-sm" data-testid="correction-history">
        {history.map((correction) => (
          <li key={correction.id} className="flex flex-wrap items-baseline gap-x-3">
            <span>
              {correction.createdAt.slice(0, 16).replace("T", " ")} {correction.createdBy}：{describeCorrection(correction)}
            </span>
            {correction.undoneAt ? (
              <span className="text-stone-600">（已由 {correction.undoneBy} 撤销）</span>
            ) : (
              <>
                {correction.staleReason ? <span className="text-amber-900">（未生效：{correction.staleReason}）</span> : null}
                <form method="post" action={`/api/corrections/${correction.id}/undo`}>
                  <input type="hidden" name="csrf" value={session.csrfToken} />
                  <input type="hidden" name="next" value={`/articles/${article.id}`} />
                  <button type="submit" className="text-link underline underline-offset-2" data-testid="undo-correction">
                    撤销
                  </button>
                </form>
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
