"use client";

import { useEffect, useState } from "react";

type Citation = { label: string; text: string };

/** Citations with a copy button; the text stays selectable when the clipboard is unavailable. */
export function CitationBox({ citations }: { citations: readonly Citation[] }) {
  const [copied, setCopied] = useState<string | null>(null);
  // The button does nothing until the page is hydrated (a click before that is lost): disabled
  // until then, and shown only with JavaScript.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  async function copy(citation: Citation) {
    try {
      await navigator.clipboard.writeText(citation.text);
      setCopied(citation.label);
    } catch {
      setCopied(null);
    }
  }
  return (
    <section aria-labelledby="cite-heading" className="mt-8 rounded border border-stone-300 bg-white p-4" data-testid="citations">
      <h2 id="cite-heading" className="text-lg font-semibold">引用本文</h2>
      <dl className="mt-2 space-y-3">
        {citations.map((citation) => (
          <div key={citation.label}>
            <dt className="text-sm font-medium text-stone-600">{citation.label}</dt>
            <dd className="mt-1 flex items-start gap-2">
              <code className="flex-1 select-all whitespace-pre-wrap break-all font-sans text-sm" data-testid={`citation-${citation.label}`}>
                {citation.text}
              </code>
              <button
                type="button"
                disabled={!ready}
                onClick={() => void copy(citation)}
                className="js-only shrink-0 rounded border border-stone-400 px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-50"
              >
                {copied === citation.label ? "已复制" : "复制"}
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <p className="sr-only" aria-live="polite">{copied ? `${copied} 引文已复制` : ""}</p>
    </section>
  );
}
