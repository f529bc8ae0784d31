import type { SequenceModel } from "./sequence-model";

/**
 * The mean of several trained models (bagging): each run of the perceptron sees its own draw of
 * training pages in its own order, and which of two close readings a single run prefers is partly
 * chance. The decoder's score is linear in the weights, so the mean of the weights scores every
 * reading as the mean of the models' scores. A feature one model lacks weighs 0 in it. Features are
 * kept in order of first appearance, model by model, so the same runs always give the same file.
 */
export function averageModels(models: readonly SequenceModel[]): SequenceModel {
  const [first] = models;
  if (!first) throw new Error("averageModels: no model to average");
  const size = first.labels.length;
  for (const model of models) {
    if (model.labels.join("\u0000") !== first.labels.join("\u0000")) throw new Error(`averageModels: label sets differ (${model.labels.join(", ")} against ${first.labels.join(", ")})`);
  }
  const share = 1 / models.length;
  const features = averageRows(models, (model) => [model.featureIndex, model.weights], size, share);
  const edges = averageRows(models, (model) => [model.edgeIndex, model.edgeWeights], size * size, share);
  const pairs = averageRows(models, (model) => [model.pairIndex, model.pairWeights], 1, share);
  return {
    labels: first.labels,
    featureIndex: features.index,
    weights: features.weights,
    edgeIndex: edges.index,
    edgeWeights: edges.weights,
    pairIndex: pairs.index,
    pairWeights: pairs.weights,
    transitions: averageArrays(models.map((model) => model.transitions), share),
    openWeights: averageArrays(models.map((model) => model.openWeights), share),
    finalWeights: averageArrays(models.map((model) => model.finalWeights), share),
  };
}

/** Rows of `width` weights per named feature, summed over the models and scaled by `share`. */
function averageRows(
  models: readonly SequenceModel[],
  read: (model: SequenceModel) => [ReadonlyMap<string, number>, Float64Array],
  width: number,
  share: number,
): { index: Map<string, number>; weights: Float64Array } {
  const index = new Map<string, number>();
  for (const model of models) for (const feature of read(model)[0].keys()) if (!index.has(feature)) index.set(feature, index.size);
  const weights = new Float64Array(index.size * width);
  for (const model of models) {
    const [rows, values] = read(model);
    for (const [feature, row] of rows) {
      const target = index.get(feature)! * width;
      for (let column = 0; column < width; column++) weights[target + column]! += values[row * width + column]! * share;
    }
  }
  return { index, weights };
}

function averageArrays(arrays: readonly Float64Array[], share: number): Float64Array {
  const sum = new Float64Array(arrays[0]!.length);
  for (const array of arrays) {
    if (array.length !== sum.length) throw new Error(`averageModels: weight arrays of ${array.length} and ${sum.length} entries`);
    array.forEach((value, at) => (sum[at]! += value * share));
  }
  return sum;
}
