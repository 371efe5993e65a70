"""UI texts of the GAN tab (ui/gan.py).

Each key maps to (English, Simplified Chinese), side by side; ui/i18n.py builds the app's I18N from them.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "gan.tab": (
        "GAN",
        "GAN 生成对抗网络",
    ),
    "gan.intro": (
        """### Generative adversarial network: draw digits from noise
A **generator** G turns a vector of random numbers *z* (the **latent noise**, picked by the *seed*)
and a digit label into an image. A **discriminator** D was trained at the same time to tell G's
images from real handwritten digits, and G learned by fooling it. Move the sliders: each point of
latent space is a different handwriting style. **Truncation ψ** shrinks *z* toward the average
(ψ = 0: the most typical digit; ψ = 1: the full variety).""",
        """### 生成对抗网络：从噪声画出数字
**生成器** G 把一组随机数 *z*（即 **潜在噪声**，由 *随机种子* 决定）和一个数字标签变成一张图像。**判别器** D
与它同时训练，学习区分 G 生成的图像和真实的手写数字，而 G 正是靠骗过 D 学会了画数字。拖动滑块：潜在空间中的
每一个点都是一种不同的书写风格。**截断 ψ** 把 *z* 向平均值收缩（ψ = 0：最典型的数字；ψ = 1：完整的多样性）。""",
    ),
    "gan.model.accordion": (
        "Model: where it came from, or load another",
        "模型：来源，或加载其他模型",
    ),
    "gan.model.in_use": (
        "Model in use",
        "当前使用的模型",
    ),
    "gan.model.repo": (
        "Hub repo id (owner/name): ours, a known community DCGAN, or type any compatible one",
        "Hub 仓库 ID（owner/name）：我们的模型、已知的社区 DCGAN，或输入任意兼容的仓库",
    ),
    "gan.model.revision": (
        "Revision (branch, tag or commit; optional)",
        "版本（分支、标签或提交；可选）",
    ),
    "gan.model.load": (
        "Load model",
        "加载模型",
    ),
    "gan.explore.tab": (
        "Explore",
        "探索",
    ),
    "gan.digit": (
        "Digit",
        "数字",
    ),
    "gan.truncation": (
        "Truncation ψ",
        "截断 ψ",
    ),
    "gan.directions_help": (
        """**Principal directions** (GANSpace): the directions of *z* that change G's
first-layer activations the most within one digit, strongest first. Raw dims move a single
coordinate of *z*: usually a much less meaningful change.""",
        """**主方向**（GANSpace）：在同一个数字内，让 G 第一层激活变化最大的 *z* 方向，按强弱排序。原始维度只移动
*z* 的某一个坐标：带来的变化通常远没有那么有意义。""",
    ),
    "gan.pc.share": (
        "of style variance",
        "的风格方差",
    ),
    "gan.pc.absent": (
        "not in this model",
        "此模型中没有",
    ),
    "gan.raw_dim0": (
        "Raw dim z[0] shift",
        "原始维度 z[0] 偏移",
    ),
    "gan.raw_dim1": (
        "Raw dim z[1] shift",
        "原始维度 z[1] 偏移",
    ),
    "gan.raw_dim2": (
        "Raw dim z[2] shift",
        "原始维度 z[2] 偏移",
    ),
    "gan.reset": (
        "Reset sliders",
        "滑块归零",
    ),
    "gan.image": (
        "Generated digit",
        "生成的数字",
    ),
    "gan.verdict": (
        "Discriminator's verdict",
        "判别器的判断",
    ),
    "gan.link": (
        "🔗 Link to this digit",
        "🔗 链接到这个数字",
    ),
    "gan.link_box": (
        "Permalink: opens this tab with these settings (the same image)",
        "永久链接：用这些设置打开本标签页（得到同一张图）",
    ),
    "gan.interp.tab": (
        "Interpolate",
        "插值",
    ),
    "gan.interp.start_digit": (
        "Start digit",
        "起始数字",
    ),
    "gan.interp.start_seed": (
        "Start seed",
        "起始种子",
    ),
    "gan.interp.end_digit": (
        "End digit",
        "终点数字",
    ),
    "gan.interp.end_seed": (
        "End seed",
        "终点种子",
    ),
    "gan.interp.frames": (
        "Frames",
        "帧数",
    ),
    "gan.interp.button": (
        "Interpolate",
        "开始插值",
    ),
    "gan.interp.strip": (
        "Frames",
        "各帧",
    ),
    "gan.interp.gif": (
        "Animated GIF (plays here; download with the button)",
        "GIF 动画（在此播放，可用按钮下载）",
    ),
    "gan.grid.tab": (
        "Grid",
        "网格",
    ),
    "gan.grid.all": (
        "all",
        "全部",
    ),
    "gan.grid.per_row": (
        "Samples per row",
        "每行样本数",
    ),
    "gan.grid.button": (
        "Sample grid",
        "生成网格",
    ),
    "gan.grid.collapsed_button": (
        "Same digits and seeds from a collapsed GAN",
        "用发生模式崩溃的 GAN 生成同样的数字和种子",
    ),
    "gan.grid.collapsed_image": (
        "A GAN that mode-collapsed: every seed of a digit gives the same picture",
        "发生模式坍缩的 GAN：同一个数字的每个种子都给出同一张图",
    ),
    "gan.grid.image": (
        "Samples",
        "样本",
    ),
    # ---------------------------------------------------------------- written by the handlers at run time
    "page.gan.real": ("real", "真实"),
    "page.gan.fake": ("fake", "生成"),
    "page.gan.caption": (
        "Digit **{digit}**, seed **{seed}**, ψ = {psi}. The discriminator gives it **{real}** real.",
        "数字 **{digit}**，种子 **{seed}**，ψ = {psi}。判别器认为它有 **{real}** 是真实的。",
    ),
    "page.gan.bad_input": (
        "⚠️ {message} The picture shows the last valid settings.",
        "⚠️ {message} 图中仍是上一组有效设置的结果。",
    ),
    "gan.caption.unconditional": ("Seed **{seed}**, ψ = {psi}. ", "种子 **{seed}**，ψ = {psi}。"),
    "gan.note.unconditional": (
        "This generator is **unconditional**: it was not trained with labels, so the digit picker has no effect, and "
        "its repo publishes no discriminator, so there is no verdict. The latent sliders work.",
        "这个生成器是**无条件的**：训练时没有用标签，所以选数字不起作用；它的仓库也没有发布判别器，所以没有判断结果。潜在空间滑块仍然有效。",
    ),
    "gan.note.collapsed": (
        "**Mode collapse:** the same digits and seeds from a GAN trained the naive way. Every seed of a digit gives "
        "(almost) the same picture: G found one image D accepts and stopped exploring.",
        "**模式崩溃：** 同样的数字和种子，换成一个按朴素方法训练的 GAN。同一个数字的每个种子给出的图（几乎）都一样："
        "G 找到了一张 D 会接受的图，就不再探索了。",
    ),
    "gan.caption.interp": (
        "{start} (seed {seed_start}) → {end} (seed {seed_end}). D's realness per frame: {scores}",
        "{start}（种子 {seed_start}）→ {end}（种子 {seed_end}）。D 对每一帧的真实度：{scores}",
    ),
    "gan.caption.interp_unconditional": (
        "Seed {seed_start} → seed {seed_end}. ",
        "种子 {seed_start} → 种子 {seed_end}。",
    ),
    "gan.caption.grid": (
        "{count} samples, seed {seed}, ψ = {psi}. Mean discriminator realness {mean} (lowest {lowest}).",
        "{count} 个样本，种子 {seed}，ψ = {psi}。判别器的平均真实度 {mean}（最低 {lowest}）。",
    ),
    "gan.caption.grid_unconditional": (
        "{count} samples, seed {seed}, ψ = {psi}. ",
        "{count} 个样本，种子 {seed}，ψ = {psi}。",
    ),
    "gan.load.failed": (
        "Could not load {model}: {reason}. The model in use keeps serving.",
        "无法加载 {model}：{reason}。当前模型继续使用。",
    ),
    "gan.load.done": ("Loaded {model}", "已加载 {model}"),
    "gan.source.hub": ("Served from the Hub, commit {commit}.", "来自 Hub，提交 {commit}。"),
    "gan.source.bundled": (
        "Served from the bundled copy in weights/{folder} (the Hub was not used).",
        "来自随应用附带的副本 weights/{folder}（没有使用 Hub）。",
    ),
    "gan.model_in_use": ("**Model in use:** {where}", "**当前模型：** {where}"),
    "gan.where.hub": ("`{repo}` from the Hub, commit `{commit}`", "来自 Hub 的 `{repo}`，提交 `{commit}`"),
    "gan.where.bundled": (
        "bundled folder `weights/{folder}` (shipped with the app)",
        "随应用附带的文件夹 `weights/{folder}`",
    ),
    "gan.pc.label": ("PC{k} ({share} of style variance)", "PC{k}（{share} 的风格方差）"),
    "gan.pc.label_absent": ("PC{k} (not in this model)", "PC{k}（此模型中没有）"),
}
