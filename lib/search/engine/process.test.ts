import { afterEach, describe, expect, it } from "vitest";
import { EngineError } from "./errors";
import { resolveEngineBinary } from "./process";

const realPlatform = Object.getOwnPropertyDescriptor(process, "platform");
afterEach(() => {
  if (realPlatform) Object.defineProperty(process, "platform", realPlatform);
});

describe("the bundled Meilisearch binary", () => {
  it("is found and executable on linux/x64", () => {
    expect(resolveEngineBinary()).toMatch(/meilisearch$/);
  });

  it("gives a clear message, not a stack trace, on a platform it does not ship for", () => {
    Object.defineProperty(process, "platform", { value: "darwin" });
    expect(() => resolveEngineBinary()).toThrow(EngineError);
    expect(() => resolveEngineBinary()).toThrow(/No bundled Meilisearch binary for darwin\/x64.*MEILI_URL/);
  });
});
