import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/random/seeded-random";
import { decomposeSymmetric, findLeftSingularVectors, type SparseColumns } from "./randomized-svd";

/** A sparse rows × columns matrix with a strong rank-3 part, and the same as dense A Aᵀ. */
function makeMatrix(rows: number, columns: number): { sparse: SparseColumns; gram: Float64Array } {
  const random = createRandom(3);
  const dense = new Float64Array(rows * columns);
  for (let c = 0; c < columns; c++) {
    const topic = c % 3;
    for (let r = 0; r < rows; r++) if (r % 3 === topic ? random() < 0.7 : random() < 0.08) dense[r * columns + c] = 1 + random();
  }
  const sparse: SparseColumns = {
    rows,
    columns: Array.from({ length: columns }, (_, c) => {
      const at = [...Array(rows).keys()].filter((r) => dense[r * columns + c] !== 0);
      return { at: Int32Array.from(at), values: Float64Array.from(at, (r) => dense[r * columns + c]!) };
    }),
  };
  const gram = new Float64Array(rows * rows);
  for (let a = 0; a < rows; a++) for (let b = 0; b < rows; b++) for (let c = 0; c < columns; c++) gram[a * rows + b]! += dense[a * columns + c]! * dense[b * columns + c]!;
  return { sparse, gram };
}

describe("findLeftSingularVectors", () => {
  const rows = 30;
  const { sparse, gram } = makeMatrix(rows, 90);
  const exact = decomposeSymmetric(gram, rows);
  const order = [...exact.values.keys()].sort((a, b) => exact.values[b]! - exact.values[a]!);

  it("finds the leading singular values and vectors of the exact decomposition", () => {
    const found = findLeftSingularVectors(sparse, { rank: 3, oversample: 6, powerIterations: 3, seed: 1 });
    order.slice(0, 3).forEach((which, k) => {
      expect(found.values[k]!).toBeCloseTo(Math.sqrt(exact.values[which]!), 4);
      // Up to sign, the same unit vector: |u · v| = 1.
      let dot = 0;
      for (let r = 0; r < rows; r++) dot += found.vectors[r * 3 + k]! * exact.vectors[r * rows + which]!;
      expect(Math.abs(dot)).toBeCloseTo(1, 4);
    });
  });

  it("is the same for the same seed", () => {
    const settings = { rank: 3, oversample: 2, powerIterations: 1, seed: 5 };
    expect(findLeftSingularVectors(sparse, settings).vectors).toEqual(findLeftSingularVectors(sparse, settings).vectors);
  });
});

describe("decomposeSymmetric", () => {
  it("gives eigenpairs: M v = λ v", () => {
    const m = Float64Array.from([4, 1, 2, 1, 3, 0, 2, 0, 5]);
    const { values, vectors } = decomposeSymmetric(m, 3);
    for (let e = 0; e < 3; e++) {
      for (let r = 0; r < 3; r++) {
        let mv = 0;
        for (let c = 0; c < 3; c++) mv += m[r * 3 + c]! * vectors[c * 3 + e]!;
        expect(mv).toBeCloseTo(values[e]! * vectors[r * 3 + e]!, 9);
      }
    }
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(12, 9);
  });
});
