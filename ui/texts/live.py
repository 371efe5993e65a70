"""UI texts of the "Watch it learn" tab (ui/live_training.py, ui/live_char_lstm.py).

Each key maps to (English, Simplified Chinese), side by side; ui/i18n.py builds the app's I18N from them.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "live.tab": (
        "Watch it learn",
        "实时训练",
    ),
    "live.gan.tab": (
        "A GAN in 2-D",
        "二维 GAN",
    ),
    "live.gan.intro": (
        """### A GAN learning a 2-D distribution, live
**Blue** dots are real data, **orange** dots what the generator G makes from random noise. The background
is the discriminator D: where it thinks points are real (yellow) or fake (purple). Arrows show where G's
loss pushes a few of its points. The lower right curve measures how far apart the real and generated
points are (MMD², lower is better). Try the presets: one that collapses onto a moving blob, and fixes.""",
        """### 实时观看 GAN 学习一个二维分布
**蓝色** 的点是真实数据，**橙色** 的点是生成器 G 从随机噪声生成的点。背景是判别器 D 的看法：它认为哪里的点是
真实的（黄色），哪里是生成的（紫色）。箭头表示 G 的损失把它的一部分点往哪里推。右下方的曲线衡量真实点与生成点
相差多远（MMD²，越低越好）。试试各个预设：有一个会塌缩到一个不断移动的团块上，另外几个是修正方案。""",
    ),
    "live.gan.loading": (
        "Loading TensorFlow.js, which trains the GAN here in your browser…",
        "正在加载 TensorFlow.js，它会在你的浏览器里训练这个 GAN……",
    ),
    "live.preset": (
        "Preset",
        "预设",
    ),
    "live.preset.default": (
        "Default: non-saturating GAN on the ring",
        "默认：圆环上的非饱和 GAN",
    ),
    "live.preset.collapse": (
        "Mode collapse: minimax, G learns 10× faster than D",
        "模式崩溃：极小极大损失，G 的学习速度是 D 的 10 倍",
    ),
    "live.preset.more_d_steps": (
        "Fixed: the same, with 5 D steps per G step",
        "修正：设置相同，但 G 每更新一步，D 更新 5 步",
    ),
    "live.preset.wgan_gp": (
        "Fixed with WGAN-GP (steady; press Start twice)",
        "用 WGAN-GP 修正（平稳；点两次“开始”）",
    ),
    "live.preset.lsgan": (
        "LSGAN on the 5×5 grid",
        "5×5 网格上的 LSGAN",
    ),
    "live.target": (
        "Target distribution",
        "目标分布",
    ),
    "live.target.ring": (
        "Ring of 8 Gaussians",
        "8 个高斯分布组成的圆环",
    ),
    "live.target.grid": (
        "5×5 grid",
        "5×5 网格",
    ),
    "live.target.spiral": (
        "Spiral",
        "螺旋",
    ),
    "live.target.moons": (
        "Two moons",
        "双月形",
    ),
    "live.target.custom": (
        "Your points (below)",
        "你的点（见下方）",
    ),
    "live.points": (
        "Your points: 'x, y' per line, each from -3 to 3 (for the target 'Your points')",
        "你的点：每行一个 'x, y'，取值都在 -3 到 3 之间（用于目标“你的点”）",
    ),
    "live.loss": (
        "Loss",
        "损失函数",
    ),
    "live.loss.minimax": (
        "Minimax (Goodfellow 2014)",
        "极小极大（Goodfellow 2014）",
    ),
    "live.loss.non-saturating": (
        "Non-saturating (Goodfellow 2014)",
        "非饱和（Goodfellow 2014）",
    ),
    "live.loss.wgan": (
        "WGAN, weight clipping (Arjovsky 2017)",
        "WGAN，权重裁剪（Arjovsky 2017）",
    ),
    "live.loss.wgan-gp": (
        "WGAN-GP (Gulrajani 2017)",
        "WGAN-GP 梯度惩罚（Gulrajani 2017）",
    ),
    "live.loss.lsgan": (
        "LSGAN (Mao 2017)",
        "LSGAN 最小二乘（Mao 2017）",
    ),
    "live.lr_generator": (
        "G learning rate",
        "G 的学习率",
    ),
    "live.lr_discriminator": (
        "D learning rate",
        "D 的学习率",
    ),
    "live.networks": (
        "Networks, batch, clipping, seed",
        "网络、批量、梯度裁剪、随机种子",
    ),
    "live.d_steps": (
        "D steps per G step",
        "G 每更新一步时 D 的更新步数",
    ),
    "live.latent_dim": (
        "Noise dimension",
        "噪声维度",
    ),
    "live.hidden_size": (
        "Width (units per layer)",
        "宽度（每层单元数）",
    ),
    "live.num_layers": (
        "Depth (hidden layers)",
        "深度（隐藏层数）",
    ),
    "live.batch_size": (
        "Batch size",
        "批量大小",
    ),
    "live.max_grad_norm": (
        "Gradient clipping: max norm (0 = off)",
        "梯度裁剪：最大范数（0 = 关闭）",
    ),
    "live.max_steps": (
        "Steps per run (on the server: at most 20 s)",
        "每次运行的步数（在服务器上：最多 20 秒）",
    ),
    "live.start": (
        "Start",
        "开始",
    ),
    "live.pause": (
        "Pause",
        "暂停",
    ),
    "live.step": (
        "Step ×10",
        "单步 ×10",
    ),
    "live.reset": (
        "Reset",
        "重置",
    ),
    "live.status": (
        "Press **Start**.",
        "点击 **开始**。",
    ),
    "live.picture": (
        "Real (blue) and generated (orange) points over D's decision surface",
        "D 的决策面上的真实点（蓝色）与生成点（橙色）",
    ),
    "live.losses": (
        "Losses (D blue, G orange)",
        "损失（D 蓝色，G 橙色）",
    ),
    "live.divergence": (
        "Divergence: MMD² between real and generated (lower = closer)",
        "差异：真实点与生成点之间的 MMD²（越低 = 越接近）",
    ),
    "live.numbers": (
        "Latest numbers",
        "最新数值",
    ),
    "live.metrics": (
        "metrics",
        "指标",
    ),
    "live.lstm.tab": (
        "A char-LSTM learns a text",
        "字符级 LSTM 学习一段文本",
    ),
    "live.lstm.intro": (
        """### A tiny LSTM learning to write, live
A one-layer LSTM (128 units) starts knowing nothing and reads random 64-character windows of your text,
learning to guess each next character. Every two seconds it writes a sample: watch babble turn into words.""",
        """### 实时观看一个小 LSTM 学写作
一个单层 LSTM（128 个单元）从一无所知开始，随机读取你的文本中 64 个字符长的片段，学习猜测每个下一个字符。每隔
两秒它会写一段样本：看着胡言乱语逐渐变成单词。""",
    ),
    "live.lstm.pick": (
        "Pick a text (or paste your own below)",
        "选一段文本（或在下方粘贴你自己的）",
    ),
    "live.lstm.text.coriolanus": (
        "Shakespeare, Coriolanus (opening)",
        "莎士比亚《科利奥兰纳斯》（开篇）",
    ),
    "live.lstm.text.twinkle": (
        "Twinkle, twinkle, little star (Jane Taylor, 1806)",
        "《一闪一闪小星星》（Jane Taylor，1806）",
    ),
    "live.lstm.text": (
        "Text (the first 20,000 characters are used)",
        "文本（只使用前 20,000 个字符）",
    ),
    "live.lstm.learning_rate": (
        "Learning rate",
        "学习率",
    ),
    "live.lstm.seconds": (
        "Seconds to train",
        "训练秒数",
    ),
    "live.lstm.temperature": (
        "Sampling temperature",
        "采样温度",
    ),
    "live.lstm.train": (
        "Train",
        "训练",
    ),
    "live.lstm.loss": (
        "Loss (nats per character; lower = better guesses)",
        "损失（每字符 nats；越低 = 猜得越准）",
    ),
    "live.lstm.samples": (
        "Samples, newest first",
        "样本（最新的在前）",
    ),
    "live.lstm.text.own": ("Your own text", "你自己的文本"),
    "live.lstm.queue": (
        "The LSTM trains on the server, two students at a time: while others train, the status line shows "
        "your place in the queue and the expected wait.",
        "LSTM 在服务器上训练，每次两位同学：别人正在训练时，状态栏会显示你在队列中的位置和预计等待时间。",
    ),
    # ---------------------------------------------------------------- written by the page (web/live/)
    "page.live.points.format": (
        "Your points, line {line}: expected 'x, y', got '{got}'.",
        "你的点，第 {line} 行：应为“x, y”，收到的是“{got}”。",
    ),
    "page.live.points.range": (
        "Your points, line {line}: x and y must be from {low} to {high}, got {x}, {y}.",
        "你的点，第 {line} 行：x 和 y 必须在 {low} 到 {high} 之间，收到的是 {x}, {y}。",
    ),
    "page.live.points.count": (
        "Your points: give 1 to {limit} points ('x, y' per line), got {count}.",
        "你的点：请给出 1 到 {limit} 个点（每行一个“x, y”），收到 {count} 个。",
    ),
    "page.live.scene": (
        "Real (blue) and generated (orange) points over D's decision surface",
        "D 的决策面上的真实点（蓝色）与生成点（橙色）",
    ),
    "page.live.losses": ("Loss curves", "损失曲线"),
    "page.live.mmd_curve": ("MMD² curve", "MMD² 曲线"),
    "page.live.stopped_run": (
        "This run stopped because {reason}. Change a setting (e.g. lower the learning rates or clip the gradients) "
        "or press Reset.",
        "这次运行已停止，原因：{reason}。请修改设置（例如降低学习率或裁剪梯度），或点击“重置”。",
    ),
    "page.live.settings_changed": (
        "Settings changed: a new run started from step 0.",
        "设置已更改：从第 0 步开始新的运行。",
    ),
    "page.live.trained": ("Trained {steps} steps.", "已训练 {steps} 步。"),
    "page.live.time_limit": (
        "Paused after the {seconds} s limit of one run: press Start to go on.",
        "达到单次运行 {seconds} 秒的上限后暂停：点击“开始”继续。",
    ),
    "page.live.diverged": (
        "⚠️ Training stopped: {reason}. Lower the learning rates, clip the gradients or pick another loss, then "
        "press Reset.",
        "⚠️ 训练已停止：{reason}。请降低学习率、裁剪梯度或换一个损失函数，然后点击“重置”。",
    ),
    "page.live.ready": (
        "Press Start to train, or Step for 10 steps.",
        "点击“开始”进行训练，或点击“单步”训练 10 步。",
    ),
    "page.live.losses_title": ("Losses", "损失"),
    "page.live.mmd_title": (
        "MMD² between real and generated (lower = closer)",
        "真实点与生成点之间的 MMD²（越低 = 越接近）",
    ),
    "page.live.step": ("Step {step}", "第 {step} 步"),
    "page.live.status": (
        " ({state}) · D loss {d} · G loss {g} · MMD² {mmd} (at start {start})",
        "（{state}）· D 损失 {d} · G 损失 {g} · MMD² {mmd}（开始时 {start}）",
    ),
    "page.live.modes": (" · modes covered {modes}/{total}", " · 覆盖的模式 {modes}/{total}"),
    "page.live.rate": (" · {rate} steps/s", " · 每秒 {rate} 步"),
    "page.live.where": (" · in your browser (TF.js {backend})", " · 在你的浏览器中运行（TF.js {backend}）"),
    "page.live.state.ready": ("ready", "就绪"),
    "page.live.state.training": ("training", "训练中"),
    "page.live.state.paused": ("paused", "已暂停"),
    "page.live.state.diverged": ("diverged", "已发散"),
    "page.live.state.stopped": ("stopped", "已停止"),
    "page.live.legend.real": ("real data", "真实数据"),
    "page.live.legend.fake": ("generated (fake)", "生成的（假）"),
    "page.live.legend.arrows": ("where G pushes its points", "G 推动其点的方向"),
    "page.live.axis.step": ("step", "步数"),
    # ---------------------------------------------------------------- the char-LSTM, written by its handler
    "live.lstm.note.long": (
        "Your text has {length} characters; only the first {limit} are used.",
        "你的文本有 {length} 个字符，只使用前 {limit} 个。",
    ),
    "live.lstm.error.short": (
        "Text must have at least 20 characters, got {length}.",
        "文本至少需要 20 个字符，现在只有 {length} 个。",
    ),
    "live.lstm.sample.untrained": ("— step 0 (untrained):", "— 第 0 步（未训练）："),
    "live.lstm.sample.step": ("— step {step}:", "— 第 {step} 步："),
    "live.lstm.sample.final": ("— step {step} (final):", "— 第 {step} 步（最终）："),
    "live.lstm.status": (
        "**Step {step}** ({state}) · loss {loss} nats/char · alphabet of {alphabet} characters · {length} characters of text",
        "**第 {step} 步**（{state}）· 损失 {loss} nats/字符 · 字母表 {alphabet} 个字符 · 文本 {length} 个字符",
    ),
    "live.lstm.diverged": (
        "⚠️ Training stopped: {reason}. Lower the learning rate and train again.",
        "⚠️ 训练已停止：{reason}。请降低学习率后重新训练。",
    ),
    "page.live.state.done": ("done", "完成"),
    "page.live.numbers": ("Latest numbers", "最新数值"),
    "page.live.surface": ("background: {label}", "背景：{label}"),
    "page.live.surface.probability": ("D(x) = P(real), from 0 to 1", "D(x) = P(真实)，从 0 到 1"),
    "page.live.surface.lsgan": (
        "D(x) score, clipped to 0 (fake) to 1 (real)",
        "D(x) 分数，截断到 0（假）到 1（真）",
    ),
    "page.live.surface.critic": ("critic value, from {low} to {high}", "评论家的值，从 {low} 到 {high}"),
}
