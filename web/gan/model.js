// The GAN tab's Explore computation in the page: the exported generator + discriminator
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
 * Load runtime, graph and config. assetUrl(path under web/) → the versioned URL the server hands out.
 * Resolves to { config, run(settings) } or rejects with the reason (the view then uses the server).
 */
export async function loadExplore(assetUrl) {
  if (typeof WebAssembly !== "object") throw new Error("this browser has no WebAssembly");
  const [ort, wasmBinary, config, graph] = await Promise.all([
    import(assetUrl(ORT_MODULE)),
    fetchOk(assetUrl(ORT_WASM)).then((answer) => answer.arrayBuffer()),
    fetchOk(assetUrl(MODEL_DIR + "explore.json")).then((answer) => answer.json()),
    fetchOk(assetUrl(MODEL_DIR + "explore.onnx")).then((answer) => answer.arrayBuffer()),
  ]);
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmBinary = new Uint8Array(wasmBinary);
  ort.env.wasm.wasmPaths = { mjs: assetUrl(ORT_GLUE) };
  const session = await ort.InferenceSession.create(new Uint8Array(graph), {
    executionProviders: ["wasm"],
    graphOptimizationLevel: "all",
  });
  let busy = Promise.resolve();

  /** settings: {digit, seed, truncation, directions: [a_1..a_K], raw: [shift per config.raw_dims]}. */
  async function run(settings) {
    const z = latentOf(config, settings);
    const onehot = new Float32Array(config.num_classes);
    onehot[settings.digit] = 1;
    const feeds = {
      z: new ort.Tensor("float32", z, [1, config.latent_dim]),
      onehot: new ort.Tensor("float32", onehot, [1, config.num_classes]),
    };
    const turn = busy.then(() => session.run(feeds)); // one run at a time per session
    busy = turn.catch(() => {});
    const outputs = await turn;
    return { image: outputs.image.data, realness: outputs.realness.data[0] };
  }
  return { config, run };
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
