// The GAN tab's Explore view in the page: turns the controls' values into a picture, a verdict and a
// caption with model.js, the same ones the server's /gan_generate gives (ui/gan.py _render). Gradio
// calls render() from a page-only event on every slider `input` (ui/gan_browser.py): nothing is sent
// to the server, unless the in-page model is unavailable, a community model is in use or an input
// is invalid; then render() asks Gradio to run the server path (the same as before this view).
import { loadExplore } from "./model.js";
import { named, t } from "../i18n.js";

const SKIP = undefined; // an output Gradio leaves as it is

/** Python's f"{x:g}" for the slider values (ψ ∈ [0, 2]): 1.0 → "1", 0.95 → "0.95". */
function formatG(x) {
  return String(Number(x.toPrecision(6)));
}

/** The payload of gr.Label for {"real": r, "fake": 1 - r}: top label first, as Gradio sorts it. */
function verdictValue(realness) {
  const confidences = [
    { label: t("page.gan.real"), confidence: realness },
    { label: t("page.gan.fake"), confidence: 1 - realness },
  ].sort((a, b) => b.confidence - a.confidence);
  return { label: confidences[0].label, confidences };
}

function caption(settings, realness) {
  return t("page.gan.caption", {
    digit: settings.digit, seed: settings.seed, psi: formatG(settings.truncation), real: `${Math.round(realness * 100)}%`,
  });
}

/** What is wrong with the typed values, said as the server says it (ui/validation.py), or null. */
function problem(values, config) {
  const [digit, seed, truncation] = values.slice(1, 4).map((v) => (v === "" || v === null ? NaN : Number(v)));
  const whole = (x, name, low, high) => {
    if (!Number.isInteger(x)) return t("error.whole", { name: named(name), low, high, value: String(x) });
    if (x < low || x > high) return t("error.int_range", { name: named(name), low, high, value: x });
    return null;
  };
  const [lowPsi, highPsi] = config.truncation_range;
  return (
    whole(digit, "Digit", 0, config.num_classes - 1) ||
    whole(seed, "Seed", 0, config.max_seed) ||
    (Number.isFinite(truncation) && truncation >= lowPsi && truncation <= highPsi
      ? null
      : t("error.number", { name: named("Truncation ψ"), low: lowPsi, high: highPsi, value: String(truncation) }))
  );
}

/** values: [model id, digit, seed, ψ, ...direction shifts, ...raw shifts, served weights] → settings or null. */
function parseSettings(values, config) {
  const numbers = values.slice(1, -1).map((v) => (v === "" || v === null ? NaN : Number(v)));
  const [digit, seed, truncation, ...shifts] = numbers;
  const numDirections = config.num_direction_sliders;
  const inRange = (x, low, high) => Number.isFinite(x) && x >= low && x <= high;
  const [lowPsi, highPsi] = config.truncation_range;
  if (!Number.isInteger(digit) || !inRange(digit, 0, config.num_classes - 1)) return null;
  if (!Number.isInteger(seed) || !inRange(seed, 0, config.max_seed)) return null;
  if (!inRange(truncation, lowPsi, highPsi)) return null;
  if (shifts.length !== numDirections + config.raw_dims.length) return null;
  if (!shifts.every((s) => inRange(s, -config.slider_range, config.slider_range))) return null;
  return {
    digit,
    seed,
    truncation,
    directions: shifts.slice(0, numDirections),
    raw: shifts.slice(numDirections),
  };
}

/** 28×28 values in [-1, 1] → the gray levels of ui/images.py, upscaled nearest-neighbour, into `picture`. */
function fill(picture, image, size, scale) {
  const data = picture.data;
  for (let row = 0; row < size * scale; row++) {
    const source = Math.floor(row / scale) * size;
    for (let col = 0; col < size * scale; col++) {
      const x = Math.min(1, Math.max(-1, image[source + Math.floor(col / scale)]));
      const level = Math.round((x + 1) * 127.5);
      const at = (row * size * scale + col) * 4;
      data[at] = data[at + 1] = data[at + 2] = level;
      data[at + 3] = 255;
    }
  }
}

/** A painter: image → the PNG data URL of ui/images.py's picture (size·scale pixels square). */
function makePainter(size, scale) {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size * scale;
  const context = canvas.getContext("2d");
  const picture = context.createImageData(size * scale, size * scale);
  return (image) => {
    fill(picture, image, size, scale);
    context.putImageData(picture, 0, 0);
    return canvas.toDataURL("image/png");
  };
}

/** Resolves after the browser has drawn its next frame. */
function afterNextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The Explore sliders the page follows itself (explore.json slider_ids, named by ui/gan_browser.py):
 * [elem_id, index in the event's values] — after model id, digit and seed. */
function sliderIndices(config) {
  return config.slider_ids.map((id, k) => [id, 3 + k]);
}

/**
 * Start loading the in-page model; returns { render(values), state }.
 * options: { assetUrl, defaultModel (repo id served in the page), notes: {en: {...}, zh: {...}},
 *   imageSelector (the <img> showing the digit, painted directly: optional) }
 */
export function startExplore(options) {
  // the page's language (ui/language.py sets window.ganlabLanguage), else the browser's
  const chosen = window.ganlabLanguage || (navigator.language || "en").toLowerCase().slice(0, 2);
  const language = chosen === "zh" ? "zh" : "en";
  const notes = options.notes[language];
  const state = { mode: "loading", reason: null, note: null, renders: 0, direct: 0, painted: 0 };
  const ready = loadExplore(options.assetUrl).then(
    (explore) => {
      state.mode = "browser";
      const size = explore.config.image_size;
      return { explore, paint: makePainter(size, explore.config.display_scale) };
    },
    (error) => {
      state.mode = "server";
      // a URL in the message is shortened to its file name: the line stays short, no server paths
      const message = String(error?.message || error).replace(/\S+\/([^/?\s]+)(\?\S*)?/g, "$1");
      state.reason = message.slice(0, 120);
      console.warn("GAN explorer: in-page model unavailable, using the server:", error);
      return null;
    },
  );
  let latest = 0;
  let loaded = null; // the model, once ready
  let lastValues = null; // the values of the last render: a slider move changes one of them
  let computed = { key: null, result: null }; // the last computation, shared by the direct paint and render
  let onScreen = null; // the key of the picture painted last
  let drawn = Promise.resolve(); // resolves once that picture is on screen
  let live = null; // the canvas over the image, once made
  const watched = new WeakSet(); // the <img> elements whose pictures the canvas follows
  const handedOut = new Map(); // full-size PNG URL handed to Gradio → the key of its settings (the last few)

  function noteOnce(text) {
    if (text === state.note) return SKIP;
    state.note = text;
    return text;
  }

  /** G's image for settings: computed once for the direct paint and render both. */
  function compute(settings) {
    const key = JSON.stringify(settings);
    if (computed.key === key) return computed;
    const job = { key, result: loaded.explore.generate(settings) };
    job.result.catch(() => {
      if (computed === job) computed = { key: null, result: null }; // a failed run is not kept
    });
    computed = job;
    return job;
  }

  /** The canvas laid over Gradio's <img> of the digit (created on first use, again if Gradio redraws the
   * image box): the page draws each new digit there, with nothing to encode or decode. */
  function liveCanvas(shown) {
    let canvas = shown.parentElement.querySelector("canvas.ganlab-live");
    if (!canvas) {
      canvas = document.createElement("canvas");
      canvas.className = "ganlab-live"; // laid over the <img> and scaled up, pixelated: ui/style.py
      canvas.width = canvas.height = loaded.explore.config.image_size;
      canvas.setAttribute("aria-hidden", "true"); // the <img> below says what it shows
      shown.parentElement.append(canvas);
    }
    live = canvas;
    if (!watched.has(shown)) {
      watched.add(shown);
      // the <img> shows a new picture: the canvas steps aside, unless that picture is an older step
      // of the page's own (Gradio's update of a move already overtaken), which would go back a step
      new MutationObserver(() => {
        const key = handedOut.get(shown.src);
        if (key === undefined || key === onScreen) hideLive();
      }).observe(shown, { attributes: true, attributeFilter: ["src"] });
    }
    return canvas;
  }

  function hideLive() {
    if (live) live.hidden = true;
  }

  /** Put the picture on screen at once; resolves once it is drawn. Gradio's own update of the image (the
   * full-size PNG, the same pixels: what Download saves) follows, and replaces it. */
  function paintNow(key, image) {
    const shown = options.imageSelector ? document.querySelector(options.imageSelector) : null;
    if (!shown?.parentElement) return Promise.resolve();
    if (onScreen !== key) {
      const canvas = liveCanvas(shown);
      const context = canvas.getContext("2d");
      const picture = context.createImageData(canvas.width, canvas.height);
      fill(picture, image, canvas.width, 1);
      context.putImageData(picture, 0, 0);
      canvas.hidden = false;
      canvas.dataset.frame = String((state.painted += 1)); // what a test or bench can watch
      onScreen = key;
      drawn = afterNextFrame();
    }
    return drawn;
  }

  /** A slider's `input` (drag, arrow key): paint the new digit at once, without waiting for Gradio's
   * event (which then finds it computed). Only for values the page computes itself. */
  function onSliderInput(event) {
    if (!loaded || !lastValues || event.target?.type !== "range") return;
    const index = sliders.find(([id]) => event.target.closest(`#${id}`))?.[1];
    if (index === undefined || !usesPage(lastValues)) return;
    const values = lastValues.slice();
    values[index] = Number(event.target.value);
    lastValues = values; // a move of another slider before Gradio's event keeps this one
    const settings = parseSettings(values, loaded.explore.config);
    if (!settings) return;
    const mine = compute(settings);
    mine.result.then((image) => {
      if (computed === mine) { // no newer move since
        paintNow(mine.key, image);
        state.direct += 1;
      }
    }, () => {});
  }
  let sliders = []; // [elem_id, index in the values] of the sliders followed
  ready.then((model) => {
    loaded = model;
    sliders = model ? sliderIndices(model.explore.config) : [];
    if (model && options.imageSelector) document.addEventListener("input", onSliderInput, true);
  });

  /** Whether these values are for the page's own model and weights. */
  function usesPage(values) {
    if (values[0] && values[0] !== options.defaultModel) return false;
    const served = values[values.length - 1]; // the served weights' sha256 ("" until the page knows)
    return !served || served === loaded.explore.config.weights_sha256;
  }

  function viaServer(text) {
    hideLive(); // the server's picture comes into the <img>
    onScreen = null;
    return [SKIP, SKIP, SKIP, noteOnce(text), Date.now() + Math.random()]; // changes the server trigger
  }

  async function render(values) {
    const mine = ++latest;
    await ready;
    if (mine !== latest) return [SKIP, SKIP, SKIP, SKIP, SKIP]; // a newer move supersedes this one
    if (!loaded) return viaServer(notes.fallback.replace("{reason}", state.reason));
    if (values[0] && values[0] !== options.defaultModel) return viaServer(notes.community);
    if (!usesPage(values)) return viaServer(notes.other_weights);
    const settings = parseSettings(values, loaded.explore.config);
    if (!settings) {
      const message = problem(values, loaded.explore.config);
      // a value typed out of range (a negative seed): say so, and keep the last picture and verdict
      if (message) return [SKIP, SKIP, t("page.gan.bad_input", { message }), SKIP, SKIP];
      return viaServer(notes.browser); // anything else: the server names the bad value
    }
    lastValues = values;
    const job = compute(settings);
    const image = await job.result;
    state.renders += 1;
    // a slider moved on meanwhile and its digit is (being) painted: this picture would go back a step
    if (computed !== job) return [SKIP, SKIP, SKIP, SKIP, SKIP];
    await paintNow(job.key, image); // the digit on screen first; D's verdict, the full-size PNG and Gradio's update after
    if (computed !== job) return [SKIP, SKIP, SKIP, SKIP, SKIP]; // superseded while waiting
    const realness = await loaded.explore.judge(image, settings.digit);
    const url = loaded.paint(image);
    handedOut.set(url, job.key);
    if (handedOut.size > 8) handedOut.delete(handedOut.keys().next().value);
    const file = { url, path: "digit.png", orig_name: "digit.png", mime_type: "image/png" };
    file.meta = { _type: "gradio.FileData" };
    return [file, verdictValue(realness), caption(settings, realness), noteOnce(notes.browser), SKIP];
  }
  return { render, state, ready };
}
