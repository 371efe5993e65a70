// Seed → latent z, exactly as models/latent.py's seed_latent: torch.randn(latent_dim,
// generator=torch.Generator().manual_seed(seed)) on the CPU. PyTorch's CPU generator is a 32-bit
// Mersenne Twister (mt19937); randn of ≥ 16 floats draws one uniform per element from the 24 low bits
// of a 32-bit output, then Box-Muller on pairs (i, i + 8) within each block of 16, and redraws the
// last 16 values when the length is not a multiple of 16 (aten/src/ATen/native/cpu/
// DistributionTemplates.h, normal_fill). PyTorch computes the transcendental functions in float32
// (SIMD Sleef on AVX2 CPUs); here they run in float64 and are rounded once, so a value can differ from
// PyTorch's in its last float32 bits: |Δz| < 2e-6 (tests/test_browser_gan.py checks 1,000 seeds).

const STATE_SIZE = 624;

/** mt19937 seeded as std::mt19937(seed & 0xffffffff); next() gives 32-bit unsigned integers. */
export function mersenneTwister(seed) {
  const state = new Uint32Array(STATE_SIZE);
  state[0] = Number(BigInt.asUintN(32, BigInt(seed)));
  for (let i = 1; i < STATE_SIZE; i++) {
    const previous = state[i - 1] ^ (state[i - 1] >>> 30);
    state[i] = Math.imul(1812433253, previous) + i;
  }
  let index = STATE_SIZE;
  function twist() {
    for (let i = 0; i < STATE_SIZE; i++) {
      const y = (state[i] & 0x80000000) | (state[(i + 1) % STATE_SIZE] & 0x7fffffff);
      state[i] = state[(i + 397) % STATE_SIZE] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    index = 0;
  }
  return {
    next() {
      if (index >= STATE_SIZE) twist();
      let y = state[index++];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      return y >>> 0;
    },
  };
}

function uniform(twister) {
  return (twister.next() & 0xffffff) / 0x1000000; // [0, 1), 24-bit mantissa: exact in float32
}

function boxMuller16(values, start) {
  for (let j = 0; j < 8; j++) {
    const u1 = 1 - values[start + j]; // (0, 1] for the log
    const u2 = values[start + j + 8];
    const f = Math.fround;
    const radius = f(Math.sqrt(f(-2 * f(Math.log(u1)))));
    const theta = f(2 * Math.PI * u2); // float32(2π (double) · u2), as PyTorch
    values[start + j] = f(radius * f(Math.cos(theta)));
    values[start + j + 8] = f(radius * f(Math.sin(theta)));
  }
}

/** z (Float32Array of length latentDim ≥ 16) for a seed: torch.randn's numbers, CPU generator. */
export function seedLatent(seed, latentDim) {
  if (latentDim < 16) throw new Error("seedLatent follows torch's vectorised path: latentDim ≥ 16");
  const twister = mersenneTwister(seed);
  const values = new Float64Array(latentDim);
  for (let i = 0; i < latentDim; i++) values[i] = uniform(twister);
  for (let i = 0; i + 16 <= latentDim; i += 16) boxMuller16(values, i);
  if (latentDim % 16 !== 0) {
    const start = latentDim - 16; // torch redraws the last 16 values
    for (let i = 0; i < 16; i++) values[start + i] = uniform(twister);
    boxMuller16(values, start);
  }
  return Float32Array.from(values);
}

/**
 * z = ψ·z_seed + Σ_k a_k·u_k, then raw dims shifted: models/latent.py's compose_latent, in float32
 * step by step as PyTorch does it. directions: rows of length latentDim; weights: one per used row.
 */
export function composeLatent(seed, latentDim, directions, truncation, directionWeights, rawOffsets) {
  const z = seedLatent(seed, latentDim);
  const psi = Math.fround(truncation);
  for (let i = 0; i < latentDim; i++) z[i] = Math.fround(psi * z[i]);
  directionWeights.slice(0, directions.length).forEach((weight, k) => {
    const a = Math.fround(weight);
    for (let i = 0; i < latentDim; i++) z[i] = Math.fround(z[i] + Math.fround(a * directions[k][i]));
  });
  for (const [dim, offset] of Object.entries(rawOffsets)) {
    if (Number(dim) < latentDim) z[dim] = Math.fround(z[dim] + Math.fround(offset));
  }
  return z;
}
