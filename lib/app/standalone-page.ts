/**
 * A self-contained HTML document for the pages proxy.ts answers before any
 * React rendering (engine down, URL too long): the app's CSS bundle is not
 * linked from them, so they carry their own small styles.
 */

const BASE_STYLES = `
  body { margin: 0; font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif; color: #1f2328; background: #fbfaf7; line-height: 1.7; }
  h1 { font-size: 1.25rem; margin: 0; }
  p { margin: 0.5rem 0 0; }
  a { color: #1e3a8a; }
  :focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }`;

/** `body` and `styles` are trusted markup; escape anything from the request with escapeHtml. */
export function renderStandalonePage({ title, styles, body }: { title: string; styles: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · 报库</title>
<style>${BASE_STYLES}
${styles}
</style>
</head>
<body>
${body}
</body>
</html>`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
