// The 2-D GAN of "Watch it learn", trained in the page with TensorFlow.js (the global `tf`).
//
// A port of models/toy_gan.py, which stays the reference: the same MLPs (ReLU in G, LeakyReLU(0.2)
// in D, nn.Linear's uniform initialisation), the same five losses, the WGAN-GP penalty (a gradient
// of a gradient, through TF.js's nested tf.grad), D steps, weight clipping, gradient-norm clipping,
// the same optimisers and settings, the same targets, MMD² and modes covered. Random numbers come
// from a seeded generator of our own (the page's streams differ from torch's, the rules do not).
// Model code only: drawing and listening live in view.js.

export const LOSSES = ["minimax", "non-saturating", "wgan", "wgan-gp", "lsgan"];
export const TARGETS = ["ring", "grid", "spiral", "moons", "custom"];
export const TARGET_STD = 0.05; // spread of every target around its shape
export const VIEW = 3.0; // the picture shows [-VIEW, VIEW]²
export const EVAL_SIZE = 256; // real and generated points the divergence compares
export const MMD_BANDWIDTHS = [0.05, 0.2, 1.0];

// ToyGANConfig's defaults, field for field
export const DEFAULT_CONFIG = Object.freeze({
  target: "ring", loss: "non-saturating", latent_dim: 2, hidden_size: 64, num_layers: 2, batch_size: 256,
  lr_generator: 1e-3, lr_discriminator: 1e-3, d_steps: 1, max_grad_norm: 0.0, clip_value: 0.1,
  gp_weight: 10.0, seed: 0, points: [],
});

// ----------------------------------------------------------------------------- random numbers

/** A seeded generator: uniform() in [0, 1), normal() ~ N(0, 1), int(n) in [0, n). (sfc32 + Box-Muller) */
export function makeRng(seed) {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = (seed >>> 0) ^ 0xdeadbeef;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next(); // mix the seed in
  let spare = null;
  return {
    uniform: next,
    normal() {
      if (spare !== null) {
        const value = spare;
        spare = null;
        return value;
      }
      const u = 1 - next(), v = next(); // u in (0, 1]
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    int: (n) => Math.floor(next() * n),
  };
}

function normals(rng, count) {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = rng.normal();
  return out;
}

// ----------------------------------------------------------------------------- targets

/** Centres of the Gaussian modes of "ring" (8) and "grid" (25) as [[x, y], ...]; null for the others. */
export function modeCentres(target) {
  if (target === "ring") {
    return Array.from({ length: 8 }, (_, k) => [2 * Math.cos((k * 2 * Math.PI) / 8), 2 * Math.sin((k * 2 * Math.PI) / 8)]);
  }
  if (target === "grid") {
    const ticks = [-2, -1, 0, 1, 2];
    return ticks.flatMap((x) => ticks.map((y) => [x, y]));
  }
  return null;
}

/** (count, 2) points of a target, flat in a Float32Array, as sample_target draws them. */
export function sampleTarget(target, count, rng, points = null) {
  const out = normals(rng, 2 * count).map((v) => TARGET_STD * v);
  const add = (i, x, y) => {
    out[2 * i] += x;
    out[2 * i + 1] += y;
  };
  if (target === "ring" || target === "grid" || target === "custom") {
    const centres = target === "custom" ? points : modeCentres(target);
    if (!centres || centres.length === 0) throw new Error("the custom target needs at least one point");
    for (let i = 0; i < count; i++) add(i, ...centres[rng.int(centres.length)]);
  } else if (target === "spiral") {
    for (let i = 0; i < count; i++) {
      const t = rng.uniform(), radius = 0.3 + 1.9 * t, angle = 3.5 * Math.PI * t;
      add(i, radius * Math.cos(angle), radius * Math.sin(angle));
    }
  } else if (target === "moons") {
    for (let i = 0; i < count; i++) {
      const theta = Math.PI * rng.uniform(), upper = rng.uniform() < 0.5;
      const x = (upper ? Math.cos(theta) : 1 - Math.cos(theta)) - 0.5;
      const y = (upper ? Math.sin(theta) : 0.5 - Math.sin(theta)) - 0.25;
      add(i, 1.6 * x, 1.6 * y);
    }
  } else {
    throw new Error(`unknown target '${target}'; expected one of ${TARGETS.join(", ")}`);
  }
  return out;
}

// ----------------------------------------------------------------------------- networks

/** nn.Linear's default initialisation, drawn from rng: [{weight (out·in, torch's layout), bias (out)}]. */
export function initLayers(sizes, rng) {
  const layers = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const fanIn = sizes[i], fanOut = sizes[i + 1], bound = 1 / Math.sqrt(fanIn);
    const uniform = (n) => Float32Array.from({ length: n }, () => (2 * rng.uniform() - 1) * bound);
    layers.push({ weight: uniform(fanOut * fanIn), bias: uniform(fanOut) });
  }
  return layers;
}

let variableCount = 0; // TF.js variable names are global to the page

/** An MLP whose weights and biases live in one flat tf.Variable (one optimiser update per network per
 *  step instead of one per tensor: TF.js runs ~16 kernels per Adam update, the step's largest cost).
 *  `activation` between the layers, none after the last. */
export class Mlp {
  constructor(sizes, activation, layers) {
    this.sizes = sizes;
    this.activation = activation;
    this.shapes = []; // per layer: weight (in, out) (x @ W, the transpose of torch's (out, in)), bias (out)
    const parts = [];
    layers.forEach(({ weight, bias }, i) => {
      const fanIn = sizes[i], fanOut = sizes[i + 1], w = new Float32Array(fanIn * fanOut);
      for (let o = 0; o < fanOut; o++) for (let k = 0; k < fanIn; k++) w[k * fanOut + o] = weight[o * fanIn + k];
      parts.push(w, Float32Array.from(bias));
      this.shapes.push([fanIn, fanOut], [fanOut]);
    });
    this.pieceSizes = parts.map((part) => part.length);
    const flat = new Float32Array(this.pieceSizes.reduce((a, b) => a + b, 0));
    parts.reduce((offset, part) => (flat.set(part, offset), offset + part.length), 0);
    const initial = tf.tensor1d(flat);
    this.flat = tf.variable(initial, true, `gan2d_${variableCount++}`);
    initial.dispose(); // the variable keeps its own copy
    this.variables = [this.flat];
  }

  /** [W0, b0, W1, b1, ...] as tensors cut from the flat variable (differentiable: split ↔ concat). */
  params() {
    return tf.split(this.flat, this.pieceSizes).map((piece, i) => piece.reshape(this.shapes[i]));
  }

  apply(x, params = this.params()) {
    let h = x;
    for (let i = 0; i < params.length; i += 2) {
      h = tf.add(tf.matMul(h, params[i]), params[i + 1]);
      if (i + 2 < params.length) h = this.activation(h);
    }
    return h;
  }

  /** A flat array laid out like this.flat (values or a gradient) → torch's layout, as initLayers returns. */
  toLayers(flat) {
    const layers = [];
    let offset = 0;
    for (let i = 0; i < this.shapes.length; i += 2) {
      const [fanIn, fanOut] = this.shapes[i], weight = new Array(fanIn * fanOut);
      for (let k = 0; k < fanIn; k++) for (let o = 0; o < fanOut; o++) weight[o * fanIn + k] = flat[offset + k * fanOut + o];
      offset += fanIn * fanOut;
      layers.push({ weight, bias: Array.from(flat.slice(offset, offset + fanOut)) });
      offset += fanOut;
    }
    return layers;
  }

  /** The weights in torch's layout, e.g. to compare with Python. */
  exportLayers() {
    return this.toLayers(this.flat.dataSync());
  }

  dispose() {
    this.flat.dispose();
  }
}

export const generatorSizes = (c) => [c.latent_dim, ...Array(c.num_layers).fill(c.hidden_size), 2];
export const discriminatorSizes = (c) => [2, ...Array(c.num_layers).fill(c.hidden_size), 1];
export const makeGenerator = (c, layers) => new Mlp(generatorSizes(c), (h) => tf.relu(h), layers);
/** LeakyReLU(0.2) written as 0.6·h + 0.4·|h|: TF.js has no gradient for the comparison inside its
 *  leakyRelu's gradient, so WGAN-GP's gradient of a gradient needs this form (same values, same slopes). */
const leakyReluTwiceDifferentiable = (h) => tf.add(tf.mul(0.6, h), tf.mul(0.4, tf.abs(h)));
export const makeDiscriminator = (c, layers) =>
  new Mlp(discriminatorSizes(c), c.loss === "wgan-gp" ? leakyReluTwiceDifferentiable : (h) => tf.leakyRelu(h, 0.2), layers);
/** D's raw scores (B,) of points (B, 2); `params` from discriminator.params() saves cutting them again. */
export const scores = (discriminator, x, params) => discriminator.apply(x, params).reshape([-1]);

// ----------------------------------------------------------------------------- losses

/** What D minimises, without the WGAN-GP penalty. */
export function discriminatorLoss(loss, realScores, fakeScores) {
  if (loss === "minimax" || loss === "non-saturating") {
    return tf.add(tf.mean(tf.softplus(tf.neg(realScores))), tf.mean(tf.softplus(fakeScores)));
  }
  if (loss === "wgan" || loss === "wgan-gp") return tf.sub(tf.mean(fakeScores), tf.mean(realScores));
  if (loss === "lsgan") {
    return tf.add(tf.mul(0.5, tf.mean(tf.square(tf.sub(realScores, 1)))), tf.mul(0.5, tf.mean(tf.square(fakeScores))));
  }
  throw new Error(`unknown loss '${loss}'; expected one of ${LOSSES.join(", ")}`);
}

/** What G minimises. */
export function generatorLoss(loss, fakeScores) {
  if (loss === "minimax") return tf.neg(tf.mean(tf.softplus(fakeScores))); // log(1 - σ(f))
  if (loss === "non-saturating") return tf.mean(tf.softplus(tf.neg(fakeScores))); // -log σ(f)
  if (loss === "wgan" || loss === "wgan-gp") return tf.neg(tf.mean(fakeScores));
  if (loss === "lsgan") return tf.mul(0.5, tf.mean(tf.square(tf.sub(fakeScores, 1))));
  throw new Error(`unknown loss '${loss}'; expected one of ${LOSSES.join(", ")}`);
}

/** E[(‖∇D(x̂)‖₂ - 1)²] at x̂ = ε·real + (1 - ε)·fake; epsilon (B, 1). Differentiable in D's weights. */
export function gradientPenalty(critic, real, fake, epsilon, params = critic.params()) {
  const mixed = tf.add(tf.mul(epsilon, real), tf.mul(tf.sub(1, epsilon), fake)); // (B, 2)
  const grad = tf.grad((x) => tf.sum(scores(critic, x, params)))(mixed); // (B, 2), recorded on the outer tape
  const norm = tf.sqrt(tf.sum(tf.square(grad), 1));
  return tf.mean(tf.square(tf.sub(norm, 1)));
}

/** D's full loss for one batch: [loss, penalty or null]. */
export function discriminatorObjective(config, discriminator, real, fake, epsilon) {
  const params = discriminator.params();
  let loss = discriminatorLoss(config.loss, scores(discriminator, real, params), scores(discriminator, fake, params));
  let penalty = null;
  if (config.loss === "wgan-gp") {
    penalty = gradientPenalty(discriminator, real, fake, epsilon, params);
    loss = tf.add(loss, tf.mul(config.gp_weight, penalty));
  }
  return [loss, penalty];
}

// ----------------------------------------------------------------------------- divergence

/** Biased MMD² between x (N·2 flat) and y (M·2 flat) with a sum of Gaussian kernels, in float64. */
export function mmd2(x, y, bandwidths = MMD_BANDWIDTHS) {
  const kernelMean = (a, b) => {
    let total = 0;
    for (let i = 0; i < a.length; i += 2) {
      for (let j = 0; j < b.length; j += 2) {
        const dx = a[i] - b[j], dy = a[i + 1] - b[j + 1], sq = dx * dx + dy * dy;
        for (const h of bandwidths) total += Math.exp(-sq / (2 * h * h));
      }
    }
    return total / ((a.length / 2) * (b.length / 2));
  };
  return kernelMean(x, x) + kernelMean(y, y) - 2 * kernelMean(x, y);
}

/** How many modes of "ring"/"grid" hold ≥ a quarter of their fair share of points within 6σ; null otherwise. */
export function modesCovered(points, target) {
  const centres = modeCentres(target);
  if (!centres) return null;
  const counts = new Array(centres.length).fill(0);
  const n = points.length / 2;
  for (let i = 0; i < n; i++) {
    let best = Infinity, nearest = -1;
    centres.forEach(([cx, cy], k) => {
      const d = Math.hypot(points[2 * i] - cx, points[2 * i + 1] - cy);
      if (d < best) [best, nearest] = [d, k];
    });
    if (best < 6 * TARGET_STD) counts[nearest] += 1;
  }
  return counts.filter((count) => count >= n / (4 * centres.length)).length;
}

// ----------------------------------------------------------------------------- training

/** clip_grad_norm_: scale all gradients by min(1, max_norm / (total norm + 1e-6)). */
function clipGradients(grads, maxNorm) {
  if (!(maxNorm > 0)) return grads;
  const names = Object.keys(grads);
  const total = tf.sqrt(tf.addN(names.map((name) => tf.sum(tf.square(grads[name])))));
  const scale = tf.minimum(1, tf.div(maxNorm, tf.add(total, 1e-6)));
  return Object.fromEntries(names.map((name) => [name, tf.mul(grads[name], scale)]));
}

/** The optimiser toy_gan.py picks for a loss. TF.js puts RMSProp's ε inside the square root: ε² keeps torch's. */
function makeOptimizer(loss, lr) {
  if (loss === "wgan") return tf.train.rmsprop(lr, 0.99, 0, 1e-16); // torch: alpha 0.99, eps 1e-8 outside √
  const [beta1, beta2] = loss === "wgan-gp" ? [0.0, 0.9] : [0.5, 0.999];
  return tf.train.adam(lr, beta1, beta2, 1e-8);
}

export class TrainingDiverged extends Error {}

/** G, D, their optimisers and the run's history, like ToyGANTrainer. `layers` = {generator, discriminator}
 *  in torch's layout overrides the seeded initialisation (for tests). */
export class Trainer {
  constructor(config, layers = null) {
    const c = (this.config = { ...DEFAULT_CONFIG, ...config });
    if (!LOSSES.includes(c.loss)) throw new Error(`unknown loss '${c.loss}'; expected one of ${LOSSES.join(", ")}`);
    this.rng = makeRng(c.seed);
    const g = layers?.generator ?? initLayers(generatorSizes(c), this.rng);
    const d = layers?.discriminator ?? initLayers(discriminatorSizes(c), this.rng);
    this.generator = makeGenerator(c, g);
    this.discriminator = makeDiscriminator(c, d);
    this.optG = makeOptimizer(c.loss, c.lr_generator);
    this.optD = makeOptimizer(c.loss, c.lr_discriminator);
    const evalRng = makeRng(c.seed + 1); // fixed for the whole run
    this.evalReal = this.sampleReal(EVAL_SIZE, evalRng);
    this.evalNoise = tf.keep(tf.tensor2d(normals(evalRng, EVAL_SIZE * c.latent_dim), [EVAL_SIZE, c.latent_dim]));
    this.step = 0;
    this.losses = []; // [step, D loss, G loss] per step
    this.divergence = [[0, this.measure()]]; // [step, MMD²]
    this.failure = null; // why training stopped for good
  }

  sampleReal(count, rng) {
    return sampleTarget(this.config.target, count, rng, this.config.points);
  }

  /** One D step's batch and G's noise, drawn in toy_gan.py's order: per D step real, noise, (ε); then G's noise. */
  drawBatch() {
    const c = this.config, B = c.batch_size;
    const dSteps = [];
    for (let k = 0; k < c.d_steps; k++) {
      const real = this.sampleReal(B, this.rng), noise = normals(this.rng, B * c.latent_dim);
      const epsilon = c.loss === "wgan-gp" ? Float32Array.from({ length: B }, () => this.rng.uniform()) : null;
      dSteps.push({ real, noise, epsilon });
    }
    return { dSteps, generatorNoise: normals(this.rng, B * c.latent_dim) };
  }

  /** d_steps updates of D, then one of G, on `batch` (drawn from the run's generator if null).
   *  Returns [last D loss, G loss]; throws TrainingDiverged. */
  trainStep(batch = null) {
    const c = this.config, B = c.batch_size, L = c.latent_dim;
    const { dSteps, generatorNoise } = batch ?? this.drawBatch();
    let dValue = NaN;
    for (const { real, noise, epsilon } of dSteps) {
      // (1) update D: minimise discriminatorLoss (+ the gradient penalty for WGAN-GP)
      dValue = tf.tidy(() => {
        const realT = tf.tensor2d(real, [B, 2]);
        const fake = this.generator.apply(tf.tensor2d(noise, [B, L])); // outside the tape: no G gradient
        const eps = epsilon && tf.tensor2d(epsilon, [B, 1]);
        const { value, grads } = tf.variableGrads(
          () => discriminatorObjective(c, this.discriminator, realT, fake, eps)[0], this.discriminator.variables);
        this.optD.applyGradients(clipGradients(grads, c.max_grad_norm));
        if (c.loss === "wgan") {
          this.discriminator.flat.assign(tf.clipByValue(this.discriminator.flat, -c.clip_value, c.clip_value));
        }
        return value.dataSync()[0];
      });
    }
    // (2) update G: minimise generatorLoss on fresh noise
    const gValue = tf.tidy(() => {
      const z = tf.tensor2d(generatorNoise, [B, L]);
      const { value, grads } = tf.variableGrads(
        () => generatorLoss(c.loss, scores(this.discriminator, this.generator.apply(z))), this.generator.variables);
      this.optG.applyGradients(clipGradients(grads, c.max_grad_norm));
      return value.dataSync()[0];
    });
    this.step += 1;
    if (!(Number.isFinite(dValue) && Number.isFinite(gValue))) {
      const bad = Number.isFinite(dValue) ? "generator" : "discriminator";
      throw new TrainingDiverged(`the ${bad} loss became ${bad[0] === "d" ? dValue : gValue} at step ${this.step}`);
    }
    this.losses.push([this.step, dValue, gValue]);
    return [dValue, gValue];
  }

  /** Train `count` steps; measures MMD² every `measureEvery` steps. */
  steps(count, measureEvery = 50) {
    for (let i = 0; i < count; i++) {
      this.trainStep();
      if (this.step % measureEvery === 0) this.recordDivergence();
    }
  }

  recordDivergence() {
    const value = this.measure();
    if (!Number.isFinite(value)) throw new TrainingDiverged(`the generated points became non-finite at step ${this.step}`);
    if (this.divergence.at(-1)?.[0] !== this.step) this.divergence.push([this.step, value]);
    return value;
  }

  fakePoints() {
    return tf.tidy(() => this.generator.apply(this.evalNoise).dataSync());
  }

  /** MMD² between the fixed real sample and G's points for the fixed noise (lower = closer). */
  measure() {
    return mmd2(this.evalReal, this.fakePoints());
  }

  /** What to draw: real, fake (flat x, y), D's surface (gridSize², row 0 = top) in [0, 1] and its label,
   *  arrow starts and directions (-∂(G loss)/∂x), modes covered. */
  snapshot(gridSize = 72, arrowCount = 16) {
    return tf.tidy(() => {
      const fake = this.generator.apply(this.evalNoise);
      const ticks = tf.linspace(-VIEW, VIEW, gridSize);
      const xs = tf.tile(ticks.reshape([1, gridSize]), [gridSize, 1]);
      const ys = tf.tile(tf.reverse(ticks).reshape([gridSize, 1]), [1, gridSize]);
      const raw = scores(this.discriminator, tf.stack([xs.reshape([-1]), ys.reshape([-1])], 1));
      const [surface, label] = this.surface(raw);
      const starts = fake.slice([0, 0], [arrowCount, 2]);
      const grad = tf.grad((x) => generatorLoss(this.config.loss, scores(this.discriminator, x)))(starts);
      const fakeData = fake.dataSync();
      return {
        real: this.evalReal, fake: fakeData, surface: surface.dataSync(), gridSize, surfaceLabel: label,
        arrowStarts: starts.dataSync(), arrowDirections: tf.neg(grad).dataSync(),
        modes: modesCovered(fakeData, this.config.target),
      };
    });
  }

  surface(raw) {
    const loss = this.config.loss;
    if (loss === "minimax" || loss === "non-saturating") return [tf.sigmoid(raw), "D(x) = P(real), from 0 to 1"];
    if (loss === "lsgan") return [tf.clipByValue(raw, 0, 1), "D(x) score, clipped to 0 (fake) to 1 (real)"];
    const low = raw.min().dataSync()[0], high = raw.max().dataSync()[0]; // a critic has no fixed scale
    return [tf.div(tf.sub(raw, low), high - low + 1e-12), `critic value, from ${low.toPrecision(3)} to ${high.toPrecision(3)}`];
  }

  dispose() {
    this.generator.dispose();
    this.discriminator.dispose();
    this.optG.dispose();
    this.optD.dispose();
    this.evalNoise.dispose();
  }
}

/** For the agreement test: each loss and its gradients at given weights and a given batch, nothing updated.
 *  batch = {real (B·2), noise (B·L, D's fakes), epsilon (B) or null, generatorNoise (B·L)}. */
export function lossesAndGradients(config, layers, batch) {
  const c = { ...DEFAULT_CONFIG, ...config }, B = batch.real.length / 2, L = c.latent_dim;
  const generator = makeGenerator(c, layers.generator), discriminator = makeDiscriminator(c, layers.discriminator);
  // gradients in torch's layout and parameter order: weight (out, in), bias, per layer
  const read = (net, grads) => net.toLayers(grads[net.flat.name].dataSync()).flatMap((l) => [l.weight, l.bias]);
  try {
    return tf.tidy(() => {
      const real = tf.tensor2d(batch.real, [B, 2]);
      const fake = generator.apply(tf.tensor2d(batch.noise, [B, L]));
      const eps = batch.epsilon ? tf.tensor2d(batch.epsilon, [B, 1]) : null;
      let penalty = null;
      const d = tf.variableGrads(() => {
        const [loss, gp] = discriminatorObjective(c, discriminator, real, fake, eps);
        penalty = gp && tf.keep(gp);
        return loss;
      }, discriminator.variables);
      const z = tf.tensor2d(batch.generatorNoise, [B, L]);
      const g = tf.variableGrads(
        () => generatorLoss(c.loss, scores(discriminator, generator.apply(z))), generator.variables);
      const result = {
        dLoss: d.value.dataSync()[0], gLoss: g.value.dataSync()[0], penalty: penalty && penalty.dataSync()[0],
        dGrads: read(discriminator, d.grads),
        gGrads: read(generator, g.grads),
      };
      penalty?.dispose();
      return result;
    });
  } finally {
    generator.dispose();
    discriminator.dispose();
  }
}
