// The page's "A GAN in 2-D" view: reads the tab's controls, runs gan2d.js in a setTimeout loop (several
// steps between frames), draws with draw.js. Start / Pause / Step / Reset behave like the server path
// (ui/live_training.py): same checks and messages, same continue-or-restart rule, same status line.

import { Trainer, TrainingDiverged, VIEW, modeCentres, LOSSES, TARGETS } from "./gan2d.js";
import { drawChart, drawScene, REAL_COLOUR, FAKE_COLOUR } from "./draw.js";
import { loadTf } from "./load_tf.js";
import { named, t, t as tr } from "../i18n.js";

// the order of the values the tab passes in (ui/live_training.py's controls, then max_steps)
export const CONTROL_NAMES = ["target", "points", "loss", "lr_generator", "lr_discriminator", "d_steps", "latent_dim",
  "hidden_size", "num_layers", "batch_size", "max_grad_norm", "seed", "max_steps"];
const FRAME_MS = 100; // a frame every 100 ms (10 frames/s): train for what drawing leaves of it
const MIN_TRAIN_MS = 40; // but at least this long, where drawing is slow
const MEASURE_EVERY = 50; // MMD² every this many steps
const MAX_POINTS = 1000, MAX_SEED = 2 ** 31 - 1, MAX_STEPS = 20000;

export class InputError extends Error {}

const fmt = (v) => (Number.isFinite(v) ? String(+v.toPrecision(6)) : String(v));
function asFloat(value, name, low, high) {
  const number = typeof value === "string" && value.trim() === "" ? NaN : Number(value);
  if (value === null || typeof value === "boolean" || !Number.isFinite(number) || number < low || number > high) {
    throw new InputError(t("error.number", { name: named(name), low: fmt(low), high: fmt(high), value: String(value).slice(0, 40) }));
  }
  return number;
}
function asInt(value, name, low, high) {
  const number = typeof value === "string" && value.trim() === "" ? NaN : Number(value);
  if (value === null || typeof value === "boolean" || !Number.isInteger(number)) {
    throw new InputError(t("error.whole", { name: named(name), low, high, value: String(value).slice(0, 40) }));
  }
  if (number < low || number > high) throw new InputError(t("error.int_range", { name: named(name), low, high, value: number }));
  return number;
}

/** 'x, y' per line → [[x, y], ...]; every problem names its line (as ui/live_training._points). */
export function parsePoints(text) {
  const points = [];
  String(text ?? "").split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const parts = line.trim().split(/[,;\s]+/).filter(Boolean);
    const numbers = parts.map(Number);
    if (parts.length !== 2 || numbers.some((v) => Number.isNaN(v))) {
      throw new InputError(t("page.live.points.format", { line: index + 1, got: line.trim().slice(0, 40) }));
    }
    const [x, y] = numbers;
    if (!(Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= VIEW && Math.abs(y) <= VIEW)) {
      throw new InputError(t("page.live.points.range", { line: index + 1, low: -VIEW, high: VIEW, x, y }));
    }
    points.push([Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);
  });
  if (points.length < 1 || points.length > MAX_POINTS) {
    throw new InputError(t("page.live.points.count", { limit: MAX_POINTS, count: points.length }));
  }
  return points;
}

/** The tab's control values (CONTROL_NAMES order) → {config, maxSteps}; InputError names the bad value. */
export function configFromControls(values) {
  const v = Object.fromEntries(CONTROL_NAMES.map((name, i) => [name, values[i]]));
  if (!TARGETS.includes(v.target)) {
    throw new InputError(`Target must be one of ${TARGETS.join(", ")}; got '${String(v.target).slice(0, 30)}'.`);
  }
  if (!LOSSES.includes(v.loss)) throw new InputError(`Loss must be one of ${LOSSES.join(", ")}; got '${String(v.loss).slice(0, 30)}'.`);
  const config = {
    target: v.target, loss: v.loss, points: v.target === "custom" ? parsePoints(v.points) : [],
    lr_generator: asFloat(v.lr_generator, "G learning rate", 1e-6, 1.0),
    lr_discriminator: asFloat(v.lr_discriminator, "D learning rate", 1e-6, 1.0),
    d_steps: asInt(v.d_steps, "D steps per G step", 1, 10), latent_dim: asInt(v.latent_dim, "Noise dimension", 1, 16),
    hidden_size: asInt(v.hidden_size, "Width", 4, 256), num_layers: asInt(v.num_layers, "Depth", 1, 4),
    batch_size: asInt(v.batch_size, "Batch size", 8, 1024),
    max_grad_norm: asFloat(v.max_grad_norm, "Gradient clipping", 0, 100), seed: asInt(v.seed, "Seed", 0, MAX_SEED),
  };
  return { config, maxSteps: asInt(v.max_steps, "Steps per run", 1, MAX_STEPS) };
}

const TEMPLATE = `
<div class="gan2d-live">
  <div class="gan2d-live-status" id="gan2d-live-status" role="status" aria-live="polite"></div>
  <canvas class="gan2d-live-scene" id="gan2d-live-scene" width="440" height="484"
    aria-label="${t("page.live.scene")}"></canvas>
  <div class="gan2d-live-charts">
    <canvas id="gan2d-live-losses" width="330" height="220" aria-label="${t("page.live.losses")}"></canvas>
    <canvas id="gan2d-live-divergence" width="330" height="220" aria-label="${t("page.live.mmd_curve")}"></canvas>
  </div>
  <details><summary>${t("page.live.numbers")}</summary><pre class="gan2d-live-numbers" id="gan2d-live-numbers"></pre></details>
</div>`;

export class LiveView {
  constructor(element, { backend, runSeconds = Infinity, stepCount = 10 }) {
    element.innerHTML = TEMPLATE;
    this.el = (id) => element.querySelector(`#gan2d-live-${id}`);
    Object.assign(this, { backend, runSeconds, stepCount, trainer: null, running: false, frames: 0, rate: null });
    this.notes = [];
    this.state = "ready";
  }

  /** The run to continue (same settings) or a fresh one; null (with the message shown) on bad input. */
  prepared(values, notes) {
    let parsed;
    try {
      parsed = configFromControls(values);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.showError(error.message);
      return null;
    }
    const same = this.trainer && JSON.stringify(this.trainer.config) === JSON.stringify({ ...this.trainer.config, ...parsed.config });
    if (same) {
      if (this.trainer.failure) {
        this.showError(t("page.live.stopped_run", { reason: this.trainer.failure }));
        return null;
      }
      return parsed;
    }
    if (this.trainer) notes.push(t("page.live.settings_changed"));
    this.replaceTrainer(parsed.config);
    return parsed;
  }

  replaceTrainer(config) {
    this.pause(false);
    this.trainer?.dispose();
    this.trainer = new Trainer(config);
  }

  start(values) {
    return this.run(values, null);
  }

  step(values) {
    return this.run(values, this.stepCount);
  }

  run(values, count) {
    if (this.running) this.pause(false);
    const notes = [];
    const parsed = this.prepared(values, notes);
    if (!parsed) return;
    const trainer = this.trainer, last = trainer.step + (count ?? parsed.maxSteps), first = trainer.step;
    const started = performance.now();
    this.running = true;
    this.notes = notes;
    const tick = () => {
      if (!this.running || this.trainer !== trainer) return;
      const frameStart = performance.now(), budget = Math.max(MIN_TRAIN_MS, FRAME_MS - (this.drawMs ?? 10));
      try {
        while (trainer.step < last && performance.now() - frameStart < budget) {
          trainer.trainStep();
          if (trainer.step % MEASURE_EVERY === 0) trainer.recordDivergence();
        }
      } catch (error) {
        if (error instanceof TrainingDiverged) return this.diverged(error);
        throw error;
      }
      const elapsed = (performance.now() - started) / 1000;
      this.rate = (trainer.step - first) / Math.max(elapsed, 1e-9);
      if (trainer.step >= last) {
        notes.push(t("page.live.trained", { steps: trainer.step - first }));
        return this.finish();
      }
      if (elapsed > this.runSeconds) {
        notes.push(t("page.live.time_limit", { seconds: this.runSeconds }));
        return this.finish();
      }
      this.draw("training");
      this.timer = setTimeout(tick, 0);
    };
    this.draw("training");
    this.timer = setTimeout(tick, 0);
  }

  finish() {
    this.running = false;
    try {
      this.trainer.recordDivergence();
    } catch (error) {
      if (error instanceof TrainingDiverged) return this.diverged(error);
      throw error;
    }
    this.draw("paused");
  }

  diverged(error) {
    this.running = false;
    this.trainer.failure = error.message;
    this.notes.push(t("page.live.diverged", { reason: error.message }));
    this.draw("diverged");
  }

  /** Stop between two steps; the picture then says "paused". */
  pause(redraw = true) {
    clearTimeout(this.timer);
    const wasRunning = this.running;
    this.running = false;
    if (redraw && wasRunning && this.trainer) this.draw("paused");
  }

  reset(values) {
    let parsed;
    try {
      parsed = configFromControls(values);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return this.showError(error.message);
    }
    this.replaceTrainer(parsed.config);
    this.rate = null;
    this.notes = [t("page.live.ready")];
    this.draw("ready");
  }

  /** On opening the tab: the untrained run, unless there already is one. */
  showFirstFrame(values) {
    if (!this.trainer) this.reset(values);
  }

  showError(message) {
    const status = this.el("status");
    status.querySelector(".gan2d-live-error")?.remove();
    const line = document.createElement("div");
    line.className = "gan2d-live-error";
    line.textContent = `⚠️ ${message}`;
    status.appendChild(line);
  }

  /** The numbers a test or a bench reads. */
  metrics() {
    const t = this.trainer;
    if (!t) return null;
    const last = t.losses.at(-1) ?? [0, NaN, NaN];
    return { step: t.step, d_loss: last[1], g_loss: last[2], mmd2: t.divergence.at(-1)[1], mmd2_at_start: t.divergence[0][1],
      modes_covered: this.modes ?? null, state: this.state, steps_per_second: this.rate === null ? null : +this.rate.toFixed(1),
      frames: this.frames, backend: this.backend, error: t.failure };
  }

  draw(state) {
    const t = this.trainer, drawStart = performance.now();
    this.state = state;
    const shot = t.snapshot();
    this.modes = shot.modes;
    drawScene(this.el("scene"), shot);
    drawChart(this.el("losses"), tr("page.live.losses_title"), t.losses, [
      { name: "D", colour: REAL_COLOUR, column: 1 }, { name: "G", colour: FAKE_COLOUR, column: 2 }]);
    drawChart(this.el("divergence"), tr("page.live.mmd_title"), t.divergence,
      [{ name: "MMD²", colour: "#000000", column: 1 }]);
    const m = this.metrics(), total = shot.modes === null ? 0 : modeCentres(t.config.target).length;
    const status = this.el("status");
    status.replaceChildren();
    const head = document.createElement("div"), bold = document.createElement("strong");
    bold.textContent = tr("page.live.step", { step: m.step });
    head.append(bold, tr("page.live.status", {
      state: tr(`page.live.state.${state}`), d: m.d_loss.toFixed(3), g: m.g_loss.toFixed(3),
      mmd: m.mmd2.toFixed(4), start: m.mmd2_at_start.toFixed(4),
    }) + (shot.modes !== null ? tr("page.live.modes", { modes: shot.modes, total }) : "") +
      (this.rate ? tr("page.live.rate", { rate: Math.round(this.rate) }) : "") + tr("page.live.where", { backend: this.backend }));
    status.append(head, ...this.notes.map((note) => Object.assign(document.createElement("div"), { textContent: note })));
    this.el("numbers").textContent = JSON.stringify(m);
    this.frames += 1;
    this.drawMs = performance.now() - drawStart;
  }
}

const vendorUrl = (file) => new URL(`../vendor/${file}`, import.meta.url).href; // web/vendor/, beside web/live/

/** Load TF.js and mount the view in `element`; rejects when TF.js cannot load. */
export async function mount(element, { runSeconds = Infinity, stepCount = 10, preferCpu = false } = {}) {
  const backend = await loadTf(vendorUrl, { preferCpu });
  return new LiveView(element, { backend, runSeconds, stepCount });
}
