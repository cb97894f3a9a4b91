export interface NelderMeadOptions {
  /** The bound on the loop: evaluations of the objective. */
  readonly max_evaluations: number;
  /** The first simplex steps each coordinate by this share of its start (or by it when the start is 0). */
  readonly relative_step: number;
  /** Stop when the simplex's values differ by less than this. */
  readonly tolerance?: number;
}

/**
 * Minimises f without derivatives (Nelder & Mead 1965, standard coefficients 1, 2, 1/2, 1/2).
 * Deterministic: the same f and start give the same point.
 */
export function nelderMead(f: (point: readonly number[]) => number, start: readonly number[], options: NelderMeadOptions): { point: number[]; value: number; evaluations: number } {
  const dimensions = start.length;
  let evaluations = 0;
  const evaluate = (point: number[]) => {
    evaluations += 1;
    return { point, value: f(point) };
  };
  const simplex = [evaluate([...start])];
  for (let axis = 0; axis < dimensions; axis += 1) {
    const point = [...start];
    point[axis] = start[axis]! === 0 ? options.relative_step : start[axis]! * (1 + options.relative_step);
    simplex.push(evaluate(point));
  }
  const tolerance = options.tolerance ?? 1e-6;
  while (evaluations < options.max_evaluations) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[dimensions]!;
    if (worst.value - best.value < tolerance) break;
    const centroid = Array.from({ length: dimensions }, (_, axis) => simplex.slice(0, dimensions).reduce((sum, vertex) => sum + vertex.point[axis]!, 0) / dimensions);
    const toward = (factor: number) => centroid.map((value, axis) => value + factor * (worst.point[axis]! - value));
    const reflected = evaluate(toward(-1));
    if (reflected.value < best.value) {
      const expanded = evaluate(toward(-2));
      simplex[dimensions] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[dimensions - 1]!.value) {
      simplex[dimensions] = reflected;
    } else {
      const contracted = evaluate(toward(0.5));
      if (contracted.value < worst.value) {
        simplex[dimensions] = contracted;
      } else {
        for (let index = 1; index <= dimensions; index += 1) {
          simplex[index] = evaluate(simplex[index]!.point.map((value, axis) => best.point[axis]! + 0.5 * (value - best.point[axis]!)));
        }
      }
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return { point: simplex[0]!.point, value: simplex[0]!.value, evaluations };
}
