import { createRandom } from "@/lib/random/seeded-random";

/**
 * The leading left singular vectors of a sparse matrix given column by column (Halko, Martinsson
 * and Tropp's randomized range finder with power iterations): enough for a word space from a
 * word × document matrix of tens of thousands of columns in seconds, with no library. Deterministic
 * with its seed. Rows are the words; each column lists its non-zero rows and their values.
 */

export type SparseColumns = { rows: number; columns: readonly { at: Int32Array; values: Float64Array }[] };

export type SvdSettings = { rank: number; oversample: number; powerIterations: number; seed: number };

/** `rank` left singular vectors (rows × rank, row-major) and their singular values, largest first. */
export function findLeftSingularVectors(matrix: SparseColumns, settings: SvdSettings): { vectors: Float64Array; values: number[] } {
  const width = settings.rank + settings.oversample;
  const random = createRandom(settings.seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const probe = new Float64Array(matrix.columns.length * width).map(gaussian);
  let range = orthonormalize(multiply(matrix, probe, width), matrix.rows, width);
  for (let step = 0; step < settings.powerIterations; step++) {
    const back = orthonormalize(multiplyTransposed(matrix, range, width), matrix.columns.length, width);
    range = orthonormalize(multiply(matrix, back, width), matrix.rows, width);
  }
  // B = Qᵀ A is small (width × columns): the eigenvectors of B Bᵀ turn Q into A's left singular vectors.
  const projected = multiplyTransposed(matrix, range, width);
  const gram = new Float64Array(width * width);
  for (let column = 0; column < matrix.columns.length; column++) {
    const offset = column * width;
    for (let a = 0; a < width; a++) {
      const value = projected[offset + a]!;
      if (value !== 0) for (let b = 0; b < width; b++) gram[a * width + b]! += value * projected[offset + b]!;
    }
  }
  const { values, vectors } = decomposeSymmetric(gram, width);
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]! || a - b).slice(0, settings.rank);
  const left = new Float64Array(matrix.rows * settings.rank);
  for (let row = 0; row < matrix.rows; row++) {
    order.forEach((which, k) => {
      let sum = 0;
      for (let j = 0; j < width; j++) sum += range[row * width + j]! * vectors[j * width + which]!;
      left[row * settings.rank + k] = sum;
    });
  }
  return { vectors: left, values: order.map((which) => Math.sqrt(Math.max(0, values[which]!))) };
}

/** A (rows × columns) times a dense (columns × width) matrix. */
function multiply(matrix: SparseColumns, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.rows * width);
  matrix.columns.forEach(({ at, values }, column) => {
    for (let k = 0; k < at.length; k++) {
      const offset = at[k]! * width;
      const value = values[k]!;
      for (let j = 0; j < width; j++) out[offset + j]! += value * dense[column * width + j]!;
    }
  });
  return out;
}

/** Aᵀ (columns × rows) times a dense (rows × width) matrix. */
function multiplyTransposed(matrix: SparseColumns, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(matrix.columns.length * width);
  matrix.columns.forEach(({ at, values }, column) => {
    for (let k = 0; k < at.length; k++) {
      const offset = at[k]! * width;
      const value = values[k]!;
      for (let j = 0; j < width; j++) out[column * width + j]! += value * dense[offset + j]!;
    }
  });
  return out;
}

/** The columns of a (height × width) matrix made orthonormal in place (modified Gram–Schmidt). */
function orthonormalize(dense: Float64Array, height: number, width: number): Float64Array {
  for (let j = 0; j < width; j++) {
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let i = 0; i < height; i++) dot += dense[i * width + j]! * dense[i * width + p]!;
      for (let i = 0; i < height; i++) dense[i * width + j]! -= dot * dense[i * width + p]!;
    }
    let norm = 0;
    for (let i = 0; i < height; i++) norm += dense[i * width + j]! ** 2;
    norm = Math.sqrt(norm);
    // A column the others already span stays zero rather than becoming noise.
    for (let i = 0; i < height; i++) dense[i * width + j] = norm > 1e-12 ? dense[i * width + j]! / norm : 0;
  }
  return dense;
}

/** Eigenvalues and eigenvectors (columns, row-major) of a small symmetric matrix, by cyclic Jacobi rotations. */
export function decomposeSymmetric(input: Float64Array, size: number): { values: number[]; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const vectors = new Float64Array(size * size);
  for (let i = 0; i < size; i++) vectors[i * size + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) off += a[p * size + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * size + q]! - a[p * size + p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A ← Jᵀ A J and V ← V J, J the rotation in the (p, q) plane.
        rotate(a, size, (k) => k * size + p, (k) => k * size + q, c, s);
        rotate(a, size, (k) => p * size + k, (k) => q * size + k, c, s);
        rotate(vectors, size, (k) => k * size + p, (k) => k * size + q, c, s);
      }
    }
  }
  return { values: Array.from({ length: size }, (_, i) => a[i * size + i]!), vectors };
}

/** Rotates the pairs (m[first(k)], m[second(k)]) for k < size by the angle whose cosine and sine are c and s. */
function rotate(m: Float64Array, size: number, first: (k: number) => number, second: (k: number) => number, c: number, s: number): void {
  for (let k = 0; k < size; k++) {
    const x = m[first(k)]!;
    const y = m[second(k)]!;
    m[first(k)] = c * x - s * y;
    m[second(k)] = s * x + c * y;
  }
}
