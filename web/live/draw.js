// Drawing for the page's 2-D GAN: the scene (D's surface, real and generated points, G's arrows, a
// legend) and small line charts, on canvases. Colours as ui/live_plots.py: Okabe-Ito blue and orange
// (told apart with every common colour-vision deficiency) over a viridis ramp washed toward white.
import { t } from "../i18n.js";

import { VIEW } from "./gan2d.js";

/** The engine's English name of D's surface (gan2d.js surface()) in the page's language. */
function surfaceText(label) {
  if (label.startsWith("D(x) = P(real)")) return t("page.live.surface.probability");
  if (label.startsWith("D(x) score")) return t("page.live.surface.lsgan");
  const critic = label.match(/^critic value, from (\S+) to (\S+)$/);
  return critic ? t("page.live.surface.critic", { low: critic[1], high: critic[2] }) : label;
}

export const REAL_COLOUR = "#0072B2", FAKE_COLOUR = "#E69F00", ARROW_COLOUR = "#141414";
const VIRIDIS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
const WASH = 0.55; // how far the heatmap is blended toward white, so the points stand out
const CURVE_POINTS = 300; // curves are averaged into at most this many points

/** [0, 1] → [r, g, b] on the washed viridis ramp (NaN → the middle). */
export function viridis(value) {
  const v = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0.5)) * (VIRIDIS.length - 1);
  const low = Math.min(Math.floor(v), VIRIDIS.length - 2), frac = v - low;
  return VIRIDIS[low].map((c, i) => Math.round((c * (1 - frac) + VIRIDIS[low + 1][i] * frac) * (1 - WASH) + 255 * WASH));
}

const toPixel = (x, y, size) => [((x + VIEW) * size) / (2 * VIEW), ((VIEW - y) * size) / (2 * VIEW)];

function dots(ctx, points, size, fill, outline) {
  ctx.fillStyle = fill;
  ctx.strokeStyle = outline;
  ctx.lineWidth = 1;
  for (let i = 0; i < points.length; i += 2) {
    if (!(Math.abs(points[i]) < 1e6 && Math.abs(points[i + 1]) < 1e6)) continue; // skip non-finite
    const [px, py] = toPixel(points[i], points[i + 1], size);
    ctx.beginPath();
    ctx.arc(px, py, 2.6, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

/** Arrows along G's pull; the longest is 0.6 data units, the rest in proportion. */
function arrows(ctx, starts, directions, size) {
  let longest = 0;
  for (let i = 0; i < directions.length; i += 2) longest = Math.max(longest, Math.hypot(directions[i], directions[i + 1]));
  if (!(longest > 0 && Number.isFinite(longest))) return;
  ctx.strokeStyle = ctx.fillStyle = ARROW_COLOUR;
  ctx.lineWidth = 2;
  for (let i = 0; i < starts.length; i += 2) {
    const [x0, y0] = toPixel(starts[i], starts[i + 1], size);
    const [x1, y1] = toPixel(starts[i] + (directions[i] / longest) * 0.6, starts[i + 1] + (directions[i + 1] / longest) * 0.6, size);
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
    if (Math.hypot(x1 - x0, y1 - y0) > 4) {
      const angle = Math.atan2(y1 - y0, x1 - x0);
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      for (const s of [0.45, -0.45]) ctx.lineTo(x1 - 7 * Math.cos(angle + s), y1 - 7 * Math.sin(angle + s));
      ctx.fill();
    }
  }
}

function legend(ctx, top, surfaceLabel) {
  for (let i = 0; i < 160; i++) {
    ctx.fillStyle = `rgb(${viridis(i / 159).join(",")})`;
    ctx.fillRect(8 + i, top + 6, 1, 10);
  }
  ctx.strokeStyle = "#787878";
  ctx.strokeRect(8.5, top + 6.5, 160, 10);
  ctx.fillStyle = "black";
  ctx.font = "11px sans-serif";
  ctx.textBaseline = "middle";
  ctx.fillText(t("page.live.surface", { label: surfaceText(surfaceLabel) }), 176, top + 11);
  const row = top + 30;
  const dot = (x, fill, outline) => {
    ctx.fillStyle = fill;
    ctx.strokeStyle = outline;
    ctx.beginPath();
    ctx.arc(x, row, 4, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  };
  dot(14, REAL_COLOUR, "white");
  dot(104, FAKE_COLOUR, "#3c3c3c");
  ctx.fillStyle = ctx.strokeStyle = ARROW_COLOUR;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(222, row);
  ctx.lineTo(244, row);
  ctx.stroke();
  ctx.fillText(t("page.live.legend.real"), 24, row);
  ctx.fillText(t("page.live.legend.fake"), 114, row);
  ctx.fillText(t("page.live.legend.arrows"), 250, row);
}

/** One frame on `canvas` (size × size + 44 legend rows) from a Trainer.snapshot(). */
export function drawScene(canvas, shot) {
  const size = canvas.width, ctx = canvas.getContext("2d");
  const n = shot.gridSize;
  const tile = (drawScene.tile ??= document.createElement("canvas"));
  tile.width = tile.height = n;
  const tileCtx = tile.getContext("2d"), image = tileCtx.createImageData(n, n);
  const lut = (drawScene.lut ??= Array.from({ length: 256 }, (_, i) => viridis(i / 255)));
  for (let i = 0; i < n * n; i++) {
    const v = shot.surface[i], rgb = lut[Number.isFinite(v) ? Math.round(Math.min(1, Math.max(0, v)) * 255) : 128];
    image.data[4 * i] = rgb[0];
    image.data[4 * i + 1] = rgb[1];
    image.data[4 * i + 2] = rgb[2];
    image.data[4 * i + 3] = 255;
  }
  tileCtx.putImageData(image, 0, 0);
  ctx.fillStyle = "white";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(tile, 0, 0, size, size);
  for (let tick = -VIEW; tick <= VIEW; tick++) { // faint unit grid, axes darker
    const p = ((tick + VIEW) * size) / (2 * VIEW);
    ctx.strokeStyle = tick === 0 ? "#969696" : "#cdcdcd";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(p, 0);
    ctx.lineTo(p, size);
    ctx.moveTo(0, p);
    ctx.lineTo(size, p);
    ctx.stroke();
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, size, size);
  ctx.clip(); // points and arrows outside the view stay off the legend
  dots(ctx, shot.real, size, REAL_COLOUR, "white");
  dots(ctx, shot.fake, size, FAKE_COLOUR, "#3c3c3c");
  arrows(ctx, shot.arrowStarts, shot.arrowDirections, size);
  ctx.restore();
  ctx.strokeStyle = "#787878";
  ctx.strokeRect(0.5, 0.5, size - 1, size - 1);
  legend(ctx, size, shot.surfaceLabel);
}

/** Rows [step, a, b, ...] averaged in consecutive bins down to at most CURVE_POINTS rows. */
export function binned(rows) {
  if (rows.length <= CURVE_POINTS) return rows;
  const out = [], width = rows[0].length;
  for (let bin = 0; bin < CURVE_POINTS; bin++) {
    const from = Math.floor((bin * rows.length) / CURVE_POINTS), to = Math.floor(((bin + 1) * rows.length) / CURVE_POINTS);
    const mean = new Array(width).fill(0);
    for (let i = from; i < to; i++) for (let k = 0; k < width; k++) mean[k] += rows[i][k] / (to - from);
    out.push(mean);
  }
  return out;
}

const tickLabel = (v) => (Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(1) : +v.toPrecision(3) + "");

/** A line chart: series = [{name, colour, column}] of rows [x, ...]; the legend sits above the plot. */
export function drawChart(canvas, title, rows, series) {
  const ctx = canvas.getContext("2d"), w = canvas.width, h = canvas.height;
  const pad = { left: 52, right: 10, top: 40, bottom: 24 };
  ctx.fillStyle = "white";
  ctx.fillRect(0, 0, w, h);
  ctx.font = "12px sans-serif";
  ctx.textBaseline = "middle";
  ctx.fillStyle = "black";
  ctx.fillText(title, 6, 10);
  let x = 6; // legend, one row, measured so nothing is cut off
  for (const s of series) {
    ctx.fillStyle = s.colour;
    ctx.fillRect(x, 24, 16, 3);
    ctx.fillStyle = "black";
    ctx.fillText(s.name, x + 20, 26);
    x += 28 + ctx.measureText(s.name).width;
  }
  const data = binned(rows.filter((row) => series.every((s) => Number.isFinite(row[s.column]))));
  if (data.length === 0) return;
  const ys = data.flatMap((row) => series.map((s) => row[s.column]));
  const x0 = data[0][0], x1 = Math.max(data.at(-1)[0], x0 + 1);
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 < 1e-9) [y0, y1] = [y0 - 0.5, y1 + 0.5];
  const px = (v) => pad.left + ((v - x0) / (x1 - x0)) * (w - pad.left - pad.right);
  const py = (v) => h - pad.bottom - ((v - y0) / (y1 - y0)) * (h - pad.top - pad.bottom);
  ctx.strokeStyle = "#999";
  ctx.lineWidth = 1;
  ctx.strokeRect(pad.left + 0.5, pad.top + 0.5, w - pad.left - pad.right, h - pad.top - pad.bottom);
  ctx.fillStyle = "#333";
  ctx.font = "10px sans-serif";
  ctx.textAlign = "right";
  for (const v of [y0, (y0 + y1) / 2, y1]) ctx.fillText(tickLabel(v), pad.left - 4, py(v));
  ctx.textAlign = "center";
  for (const v of [x0, x1]) ctx.fillText(`${Math.round(v)}`, px(v), h - pad.bottom + 12);
  ctx.fillText(t("page.live.axis.step"), (pad.left + w - pad.right) / 2, h - pad.bottom + 12);
  ctx.textAlign = "left";
  for (const s of series) {
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    data.forEach((row, i) => (i ? ctx.lineTo(px(row[0]), py(row[s.column])) : ctx.moveTo(px(row[0]), py(row[s.column]))));
    if (data.length === 1) ctx.arc(px(data[0][0]), py(data[0][s.column]), 2, 0, 2 * Math.PI);
    ctx.stroke();
  }
}
