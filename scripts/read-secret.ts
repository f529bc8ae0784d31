import readline from "node:readline";

/**
 * A password from the terminal without echo, or, when stdin is not a terminal (scripts, tests),
 * the first line of stdin. Never from the command line, where it would land in shell history.
 */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = readline.createInterface({ input: process.stdin });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return "";
  }
  process.stderr.write(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let secret = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off("data", onData);
          process.stderr.write("\n");
          resolve(secret);
          return;
        }
        if (char === "\u0003") {
          process.stdin.setRawMode(false);
          reject(new Error("cancelled"));
          return;
        }
        if (char === "\u007f") secret = secret.slice(0, -1);
        else secret += char;
      }
    };
    process.stdin.on("data", onData);
  });
}
