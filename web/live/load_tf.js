// Loads the vendored TensorFlow.js and picks a backend: wasm (single-threaded, SIMD where the browser
// has it), else TF.js's plain-JavaScript CPU backend. Resolves to the backend's name; rejects when
// TF.js itself cannot load (the caller then falls back to training on the server).

function addScript(src) {
  return new Promise((resolve, reject) => {
    const existing = document.querySelector(`script[data-src="${src}"]`);
    if (existing) {
      existing.loaded.then(resolve, reject);
      return;
    }
    const script = document.createElement("script");
    script.dataset.src = src;
    script.loaded = new Promise((ok, fail) => {
      script.onload = ok;
      script.onerror = () => fail(new Error(`could not load ${src.split("/").pop()}`));
    });
    script.loaded.then(resolve, reject);
    script.src = src;
    document.head.appendChild(script);
  });
}

let loading = null;

/** vendorUrl(file) → the URL of a file under web/vendor/ (e.g. "tensorflow-tfjs/tf.min.js"). */
export function loadTf(vendorUrl, { preferCpu = false } = {}) {
  loading ??= (async () => {
    if (!globalThis.tf) await addScript(vendorUrl("tensorflow-tfjs/tf.min.js"));
    if (!preferCpu && typeof WebAssembly === "object") {
      try {
        if (!tf.wasm) await addScript(vendorUrl("tensorflow-tfjs-backend-wasm/tf-backend-wasm.min.js"));
        tf.wasm.setWasmPaths({
          "tfjs-backend-wasm.wasm": vendorUrl("tensorflow-tfjs-backend-wasm/tfjs-backend-wasm.wasm"),
          "tfjs-backend-wasm-simd.wasm": vendorUrl("tensorflow-tfjs-backend-wasm/tfjs-backend-wasm-simd.wasm"),
          "tfjs-backend-wasm-threaded-simd.wasm": vendorUrl("tensorflow-tfjs-backend-wasm/tfjs-backend-wasm-simd.wasm"),
        });
        tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false); // threads need cross-origin isolation
        if (await tf.setBackend("wasm")) return "wasm";
      } catch (error) {
        console.warn(`TF.js wasm backend unavailable (${error.message}); using the CPU backend`);
      }
    }
    if (await tf.setBackend("cpu")) return "cpu";
    throw new Error("no TF.js backend could start");
  })();
  return loading;
}
