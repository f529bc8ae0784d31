import type { ArticleBlock } from "@/lib/article/types";
import { highlightText } from "@/lib/search/highlight";
import { Highlighted } from "./highlighted";

export function ArticleBody({ blocks, terms }: { blocks: readonly ArticleBlock[]; terms: readonly string[] }) {
  return (
    <div className="mt-6 space-y-4 font-serif text-lg leading-8 text-stone-900" data-testid="article-body">
      {blocks.map((block, index) => {
        switch (block.kind) {
          case "subhead":
            return (
              <h2 key={index} className="pt-2 font-sans text-xl font-semibold">
                <Highlighted segments={highlightText(block.text, terms)} />
              </h2>
            );
          case "caption":
            return (
              <p key={index} className="border-l-4 border-stone-300 pl-3 font-sans text-base text-stone-700" data-testid="caption">
                <Highlighted segments={highlightText(block.text, terms)} />
              </p>
            );
          case "table":
            return <ArticleTable key={index} rows={block.rows} terms={terms} />;
          default:
            return (
              <p key={index} className="indent-8">
                <Highlighted segments={highlightText(block.text, terms)} />
              </p>
            );
        }
      })}
    </div>
  );
}

function ArticleTable({ rows, terms }: { rows: readonly string[][]; terms: readonly string[] }) {
  const [header, ...body] = rows;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="表格">
      <table className="min-w-full border-collapse font-sans text-base">
        {header ? (
          <thead>
            <tr>
              {header.map((cell, index) => (
                <th key={index} scope="col" className="border border-stone-300 bg-stone-100 px-2 py-1 text-left">
                  <Highlighted segments={highlightText(cell, terms)} />
                </th>
              ))}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {body.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index} className="border border-stone-300 px-2 py-1">
                  <Highlighted segments={highlightText(cell, terms)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
