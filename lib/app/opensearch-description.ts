import { escapeXml } from "@/lib/text/escape-xml";

/**
 * The OpenSearch 1.1 description that lets a browser add 报库 to its search
 * bar. Its URL templates are absolute, built from the origin the request came
 * to: the specification asks for absolute templates, Firefox refuses relative
 * ones, and the origin (host, port, scheme behind a proxy) is only known per
 * request, so the file cannot be static.
 */

export const OPENSEARCH_CONTENT_TYPE = "application/opensearchdescription+xml; charset=utf-8";

export function renderOpenSearchDescription(origin: string): string {
  const base = origin.replace(/\/$/, "");
  const url = (type: string, path: string, extra = "") => `  <Url type="${type}" method="get" template="${escapeXml(`${base}${path}`)}"${extra}/>`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">`,
    `  <ShortName>报库</ShortName>`,
    `  <LongName>报库 Baoku · 报纸全文检索</LongName>`,
    `  <Description>中文报纸档案全文检索：词语、人名、数字都按原文逐字匹配，可按日期、作者、主题筛选。</Description>`,
    `  <InputEncoding>UTF-8</InputEncoding>`,
    `  <OutputEncoding>UTF-8</OutputEncoding>`,
    `  <Language>zh-CN</Language>`,
    `  <Image width="16" height="16" type="image/x-icon">${escapeXml(`${base}/favicon.ico`)}</Image>`,
    `  <Image width="192" height="192" type="image/png">${escapeXml(`${base}/icon-192.png`)}</Image>`,
    url("text/html", "/search?q={searchTerms}"),
    // The same results as a saved-search feed and as JSON, for readers and scripts that take them.
    url("application/atom+xml", "/search/feed?q={searchTerms}"),
    url("application/json", "/api/search?q={searchTerms}"),
    url("application/opensearchdescription+xml", "/opensearch.xml", ` rel="self"`),
    `</OpenSearchDescription>`,
    "",
  ].join("\n");
}
