import type { IngestProgress } from "./pipeline";

/** A progress bar on a terminal, plain lines every few seconds otherwise (CI logs). */
export function createProgressReporter(stream: NodeJS.WriteStream): (progress: IngestProgress) => void {
  let lastPlain = 0;
  return (progress) => {
    const line = formatProgress(progress, stream.isTTY ? (stream.columns ?? 100) : 0);
    if (stream.isTTY) {
      stream.write(`\r${line}\x1b[K`);
      if (progress.filesDone === progress.filesTotal) stream.write("\n");
    } else if (Date.now() - lastPlain > 5000 || progress.filesDone === progress.filesTotal) {
      lastPlain = Date.now();
      stream.write(line + "\n");
    }
  };
}

export function formatProgress(progress: IngestProgress, width: number): string {
  const seconds = Math.max(progress.elapsedMs / 1000, 0.001);
  const rate = progress.articles / seconds;
  const fraction = progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 1;
  const eta = fraction > 0 && fraction < 1 ? (seconds / fraction) * (1 - fraction) : 0;
  const stats = `文件 ${progress.filesDone}/${progress.filesTotal}  文章 ${progress.articles}  ${rate.toFixed(0)} 篇/秒  剩余 ${formatDuration(eta)}`;
  if (width <= 0) return stats;
  const barWidth = Math.max(10, Math.min(30, width - stats.length * 2 - 8));
  const filled = Math.round(fraction * barWidth);
  return `[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${stats}`;
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${Math.ceil(seconds - minutes * 60)}s`;
}
