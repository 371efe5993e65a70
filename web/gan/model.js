// The GAN tab's Explore computation in the page: the exported generator and discriminator
// (tools/export_gan_web.py → web/models/dcgan-mnist/) run by the vendored onnxruntime-web (wasm,
// one thread: no cross-origin isolation needed). Drawing and listening live in view.js.
import { composeLatent } from "./latent.js";

const ORT_MODULE = "vendor/onnxruntime-web/ort.wasm.min.mjs";
const ORT_GLUE = "vendor/onnxruntime-web/ort-wasm-simd-threaded.mjs";
// stored brotli-compressed (a Space takes no file over 10 MB): the server sends it with Content-Encoding:
// br and the browser inflates it (ui/web_assets.py), the same for the model
const ORT_WASM = "vendor/onnxruntime-web/ort-wasm-simd-threaded.wasm";
const MODEL_DIR = "models/dcgan-mnist/";

async function fetchOk(url) {
  const answer = await fetch(url);
  if (!answer.ok) throw new Error(`${new URL(url).pathname.split("/").pop()}: HTTP ${answer.status}`);
  return answer;
}

/**
 * Load runtime, graphs and config. assetUrl(path under web/) → the versioned URL the server hands out.
 * Resolves to { config, generate(settings) → image, judge(image, digit) → realness } or rejects with
 * the reason (the view then uses the server). G and D are two graphs, so the page can draw the image
 * before it asks for the verdict.
 */
export async function loadExplore(assetUrl) {
  if (typeof WebAssembly !== "object") throw new Error("this browser has no WebAssembly");
  const bytes = (name) => fetchOk(assetUrl(MODEL_DIR + name)).then((answer) => answer.arrayBuffer());
  const [ort, wasmBinary, config, generatorGraph, discriminatorGraph] = await Promise.all([
    import(assetUrl(ORT_MODULE)),
    fetchOk(assetUrl(ORT_WASM)).then((answer) => answer.arrayBuffer()),
    fetchOk(assetUrl(MODEL_DIR + "explore.json")).then((answer) => answer.json()),
    bytes("generator.onnx"),
    bytes("discriminator.onnx"),
  ]);
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmBinary = new Uint8Array(wasmBinary);
  ort.env.wasm.wasmPaths = { mjs: assetUrl(ORT_GLUE) };
  const open = (graph) =>
    ort.InferenceSession.create(new Uint8Array(graph), { executionProviders: ["wasm"], graphOptimizationLevel: "all" });
  const generator = await open(generatorGraph);
  const discriminator = await open(discriminatorGraph);
  let busy = Promise.resolve();
  function run(session, feeds) {
    const turn = busy.then(() => session.run(feeds)); // the runtime runs one call at a time
    busy = turn.catch(() => {});
    return turn;
  }
  const onehotOf = (digit) => {
    const onehot = new Float32Array(config.num_classes);
    onehot[digit] = 1;
    return new ort.Tensor("float32", onehot, [1, config.num_classes]);
  };

  /** settings: {digit, seed, truncation, directions: [a_1..a_K], raw: [shift per config.raw_dims]} → G's
   * image (Float32Array, 28×28 in [-1, 1]). */
  async function generate(settings) {
    const z = new ort.Tensor("float32", latentOf(config, settings), [1, config.latent_dim]);
    const outputs = await run(generator, { z, onehot: onehotOf(settings.digit) });
    return outputs.image.data;
  }

  /** D's verdict on an image of `digit`: P(real). */
  async function judge(image, digit) {
    const size = config.image_size;
    const feeds = { image: new ort.Tensor("float32", image, [1, 1, size, size]), onehot: onehotOf(digit) };
    const outputs = await run(discriminator, feeds);
    return outputs.realness.data[0];
  }
  return { config, generate, judge };
}

/** z of the sliders: models/latent.py compose_latent (directions beyond the model's are ignored). */
export function latentOf(config, settings) {
  const raw = {};
  config.raw_dims.forEach((dim, k) => (raw[dim] = settings.raw[k]));
  return composeLatent(
    settings.seed,
    config.latent_dim,
    config.latent_directions,
    settings.truncation,
    settings.directions,
    raw,
  );
}
