// Exact near-duplicate search between two sets of greyscale images: for every
// query image, its nearest base image when their Euclidean distance is at most
// a threshold. Brute force on MNIST is 600 million 784-pixel distances; this
// prunes with lower bounds that never drop a true match:
//   1. block means: the sums of b x b pixel blocks, divided by b, are an
//      orthonormal projection of the image, so their distance <= the true one;
//   2. PCA of those block features: a rotation, so the first k rotated
//      coordinates give an even cheaper lower bound, and the first one lets
//      us scan only a window of the base set sorted by it;
//   3. the exact pixel distance for the few candidates left.
// Pure: typed arrays in, plain numbers out.

export interface ImageSet {
  count: number;
  rows: number;
  cols: number;
  /** count x rows x cols values, 0-255. */
  pixels: Uint8Array;
}

export interface NearPair {
  query: number;
  base: number;
  /** Euclidean distance with pixels scaled to 0-1. */
  distance: number;
}

export interface NearDuplicateStats {
  pairs: NearPair[];
  /** Candidates left after each bound, for the method note. */
  /** Candidate pairs in the first-coordinate window, left after the PCA bound, after the block bound, and compared exactly. */
  candidates: { window: number; pca: number; blocks: number; exact: number };
}

/** Block sums divided by the block side: an orthonormal projection. */
export function blockFeatures(set: ImageSet, block: number): { dims: number; values: Float64Array } {
  const gr = Math.floor(set.rows / block);
  const gc = Math.floor(set.cols / block);
  if (gr * block !== set.rows || gc * block !== set.cols) throw new Error(`images of ${set.rows}x${set.cols} do not split into ${block}x${block} blocks`);
  const dims = gr * gc;
  const size = set.rows * set.cols;
  const values = new Float64Array(set.count * dims);
  for (let i = 0; i < set.count; i++) {
    const o = i * dims;
    for (let y = 0; y < set.rows; y++) {
      const rowBase = o + Math.floor(y / block) * gc;
      for (let x = 0; x < set.cols; x++) values[rowBase + Math.floor(x / block)]! += set.pixels[i * size + y * set.cols + x]!;
    }
  }
  for (let k = 0; k < values.length; k++) values[k]! /= block;
  return { dims, values };
}

/** Eigenvectors of a symmetric matrix (cyclic Jacobi), sorted by decreasing eigenvalue. */
export function symmetricEigen(matrix: Float64Array, n: number): { values: number[]; vectors: Float64Array[] } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j]! - a[i * n + i]!);
  return {
    values: order.map((i) => a[i * n + i]!),
    vectors: order.map((i) => Float64Array.from({ length: n }, (_, k) => v[k * n + i]!)),
  };
}

/** Projects feature rows onto the first `k` principal axes of `fit`'s covariance. */
function principalAxes(fit: Float64Array, dims: number, k: number): Float64Array[] {
  const rows = fit.length / dims;
  const mean = new Float64Array(dims);
  for (let i = 0; i < rows; i++) for (let d = 0; d < dims; d++) mean[d]! += fit[i * dims + d]! / rows;
  const cov = new Float64Array(dims * dims);
  const row = new Float64Array(dims);
  for (let i = 0; i < rows; i++) {
    for (let d = 0; d < dims; d++) row[d] = fit[i * dims + d]! - mean[d]!;
    for (let p = 0; p < dims; p++) {
      const rp = row[p]!;
      for (let q = p; q < dims; q++) cov[p * dims + q]! += rp * row[q]!;
    }
  }
  for (let p = 0; p < dims; p++) for (let q = 0; q < p; q++) cov[p * dims + q] = cov[q * dims + p]!;
  return symmetricEigen(cov, dims).vectors.slice(0, k);
}

function project(features: Float64Array, dims: number, axes: Float64Array[]): Float64Array {
  const n = features.length / dims;
  const k = axes.length;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const axis = axes[j]!;
      let s = 0;
      for (let d = 0; d < dims; d++) s += features[i * dims + d]! * axis[d]!;
      out[i * k + j] = s;
    }
  }
  return out;
}

/**
 * For each query image, the nearest base image if it lies within `threshold`
 * (pixels scaled to 0-1). Exact: every bound used is a true lower bound.
 */
export function nearDuplicates(queries: ImageSet, base: ImageSet, threshold: number, options: { block?: number; axes?: number } = {}): NearDuplicateStats {
  if (queries.rows !== base.rows || queries.cols !== base.cols) throw new Error('query and base images differ in size');
  const block = options.block ?? 4;
  const size = base.rows * base.cols;
  const limit = (threshold * 255) ** 2; // squared, in raw pixel units
  const qf = blockFeatures(queries, block);
  const bf = blockFeatures(base, block);
  const dims = bf.dims;
  const k = Math.min(options.axes ?? 8, dims);
  const axes = principalAxes(bf.values, dims, k);
  const qp = project(qf.values, dims, axes);
  const bpRaw = project(bf.values, dims, axes);

  // Base images sorted by their first principal coordinate: a match lies in
  // the window of +-threshold around the query's own coordinate.
  const order = Array.from({ length: base.count }, (_, i) => i).sort((i, j) => bpRaw[i * k]! - bpRaw[j * k]!);
  const first = Float64Array.from(order, (i) => bpRaw[i * k]!);
  const bp = new Float64Array(base.count * k);
  order.forEach((i, r) => bp.set(bpRaw.subarray(i * k, i * k + k), r * k));
  const radius = Math.sqrt(limit);
  const lowerIndex = (x: number) => {
    let lo = 0;
    let hi = first.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (first[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const candidates = { window: 0, pca: 0, blocks: 0, exact: 0 };
  const pairs: NearPair[] = [];
  for (let q = 0; q < queries.count; q++) {
    const c0 = qp[q * k]!;
    let best = limit;
    let bestBase = -1;
    for (let r = lowerIndex(c0 - radius), end = lowerIndex(c0 + radius); r < end; r++) {
      candidates.window++;
      let lb = 0;
      for (let j = 0; j < k && lb <= best; j++) {
        const d = qp[q * k + j]! - bp[r * k + j]!;
        lb += d * d;
      }
      if (lb > best) continue;
      candidates.pca++;
      const b = order[r]!;
      lb = 0;
      for (let d = 0; d < dims && lb <= best; d++) {
        const x = qf.values[q * dims + d]! - bf.values[b * dims + d]!;
        lb += x * x;
      }
      if (lb > best) continue;
      candidates.blocks++;
      let s = 0;
      for (let p = 0, qo = q * size, bo = b * size; p < size && s <= best; p++) {
        const x = queries.pixels[qo + p]! - base.pixels[bo + p]!;
        s += x * x;
      }
      candidates.exact++;
      if (s < best || (s === best && (bestBase < 0 || b < bestBase))) {
        best = s;
        bestBase = b;
      }
    }
    if (bestBase >= 0) pairs.push({ query: q, base: bestBase, distance: Math.sqrt(best) / 255 });
  }
  pairs.sort((a, b) => a.distance - b.distance || a.query - b.query);
  return { pairs, candidates };
}
