"""UI strings of the app header and the model tabs (GAN, LSTM text, classification, Watch it learn, About).

ui/i18n.py merges these with the Theory and Lesson texts into the app's one `I18N`. Keys are
"<tab>.<name>"; "common.*" are shared by several tabs. A few texts repeat a constant of their module
(a limit, a model's gate names, a preset's name): tests/test_i18n.py checks that they still agree.
"""

from __future__ import annotations

EN: dict[str, str] = {
    # ------------------------------------------------------------------ header, shared
    "app.header": """# GAN & LSTM Lab
Play with real, pretrained models to see how a **generative adversarial network** draws and how an
**LSTM** reads and writes. Every control is also an API endpoint (see “Use via API” at the bottom).""",
    "common.seed": "Seed",
    "common.new_seed": "🎲 New seed",
    "common.stop": "Stop",
    "common.loading": "Loading…",
    # ------------------------------------------------------------------ GAN tab (ui/gan.py)
    "gan.tab": "GAN",
    "gan.intro": """### Generative adversarial network: draw digits from noise
A **generator** G turns a vector of random numbers *z* (the **latent noise**, picked by the *seed*)
and a digit label into an image. A **discriminator** D was trained at the same time to tell G's
images from real handwritten digits, and G learned by fooling it. Move the sliders: each point of
latent space is a different handwriting style. **Truncation ψ** shrinks *z* toward the average
(ψ = 0: the most typical digit; ψ = 1: the full variety).""",
    "gan.model.accordion": "Model: where it came from, or load another",
    "gan.model.in_use": "Model in use",
    "gan.model.repo": "Hub repo id (owner/name): ours, a known community DCGAN, or type any compatible one",
    "gan.model.revision": "Revision (branch, tag or commit; optional)",
    "gan.model.load": "Load model",
    "gan.explore.tab": "Explore",
    "gan.digit": "Digit",
    "gan.truncation": "Truncation ψ",
    "gan.directions_help": """**Principal directions** (GANSpace): the directions of *z* that change G's
first-layer activations the most within one digit, strongest first. Raw dims move a single
coordinate of *z*: usually a much less meaningful change.""",
    # a direction slider's label is "PC1 (23% " + this + ")", or "PC4 (" + gan.pc.absent + ")"
    "gan.pc.share": "of style variance",
    "gan.pc.absent": "not in this model",
    "gan.raw_dim0": "Raw dim z[0] shift",
    "gan.raw_dim1": "Raw dim z[1] shift",
    "gan.raw_dim2": "Raw dim z[2] shift",
    "gan.reset": "Reset sliders",
    "gan.image": "Generated digit",
    "gan.verdict": "Discriminator's verdict",
    "gan.link": "🔗 Link to this digit",
    "gan.link_box": "Permalink: opens this tab with these settings (the same image)",
    "gan.interp.tab": "Interpolate",
    "gan.interp.start_digit": "Start digit",
    "gan.interp.start_seed": "Start seed",
    "gan.interp.end_digit": "End digit",
    "gan.interp.end_seed": "End seed",
    "gan.interp.frames": "Frames",
    "gan.interp.button": "Interpolate",
    "gan.interp.strip": "Frames",
    "gan.interp.gif": "Animated GIF (download)",
    "gan.grid.tab": "Grid",
    "gan.grid.all": "all",
    "gan.grid.per_row": "Samples per row",
    "gan.grid.button": "Sample grid",
    "gan.grid.image": "Samples",
    # ------------------------------------------------------------------ LSTM text tab (ui/lstm_text.py)
    "lstm.tab": "LSTM text generation",
    "lstm.intro": """### A character-level LSTM that writes Shakespeare
The model reads one character at a time and, after each one, guesses the next. Type the start of
a line: it continues by **sampling** from its guess, character after character. **Temperature**
sharpens (< 1) or flattens (> 1) the guess (0 = always the likeliest); **top-k** keeps only the k
likeliest characters; **top-p** keeps the smallest set holding p of the probability.""",
    "lstm.prompt": "Prompt",
    "lstm.length": "Characters to generate",
    "lstm.temperature": "Temperature",
    "lstm.top_k": "Top-k (0 = off)",
    "lstm.top_p": "Top-p (1 = off)",
    "lstm.generate": "Generate",
    "lstm.link": "🔗 Link to this text",
    "lstm.link_box": "Permalink: opens this tab with these settings (the same text)",
    "lstm.output": "Generated text (streamed)",
    "lstm.confidence": "How sure it was of each character it wrote (more colour = surer)",
    "lstm.inside": """### Inside the LSTM
At every character each LSTM unit computes an **input gate** i, a **forget gate** f, an
**output gate** o (each between 0 and 1) and a **candidate** g, then updates its memory
**c = f·c + i·g** and shows **h = o·tanh(c)**. The heatmap shows the units whose value changes most
over the text (orange = high, blue = low; gates are drawn from 0 = blue to 1 = orange).
*What to look for:* forget gates that dip right after a newline (⏎), cells that switch at a colon
or stay high inside a line and reset at its end.""",
    "lstm.inspect": "Text to look inside (the generated text lands here; or paste your own)",
    "lstm.layer": "Layer",
    "lstm.layer1": "Layer 1",
    "lstm.layer2": "Layer 2",
    "lstm.show": "Show",
    # the same as models.lstm_inspect.GATE_NAMES
    "lstm.quantity.f": "forget gate f",
    "lstm.quantity.i": "input gate i",
    "lstm.quantity.o": "output gate o",
    "lstm.quantity.g": "candidate g",
    "lstm.quantity.c": "cell state c",
    "lstm.quantity.h": "hidden state h",
    "lstm.analyse": "Analyse",
    "lstm.expected": "How expected each character was before the model read it (more colour = more expected)",
    "lstm.heatmap": "Heatmap",
    "lstm.unit": "Unit to colour the text by",
    "lstm.unit_view": "The text coloured by this unit (warm = high, cool = low)",
    "lstm.position": "Position in the text",
    "lstm.candidates": "Its 5 likeliest next characters",
    # ------------------------------------------------------------------ classification tab (ui/lstm_classify.py)
    "classify.tab": "LSTM sequence classification",
    "classify.intro": """### Reading a sequence to a verdict
An LSTM reads the input one step at a time (a word of a sentence, a character of a name) and keeps
a running summary in its memory. After **every** step a small classifier reads that summary, so you
can watch the belief change as the model reads: which word tipped the sentence, which letters gave
the name away. The verdict is simply the belief after the last step.""",
    "classify.sentiment.tab": "Sentiment of a sentence",
    "classify.sentence": "Sentence",
    "classify.button": "Classify",
    "classify.sentiment.examples": "Try negation and contrast",
    "classify.verdict": "Verdict",
    "classify.belief": "Belief after each word",
    "classify.moved": "How much each word moved the belief (warm = toward positive, cool = toward negative)",
    "classify.trace.accordion": "The trace as data",
    "classify.trace": "trace",
    "classify.name.tab": "Language of a name",
    "classify.surname": "Surname",
    "classify.name.examples": "Examples",
    "classify.top3": "Top 3 languages",
    "classify.name.belief": "Belief after each character (the final top 3)",
    # ------------------------------------------------------------------ Watch it learn (ui/live_training.py)
    "live.tab": "Watch it learn",
    "live.gan.tab": "A GAN in 2-D",
    "live.gan.intro": """### A GAN learning a 2-D distribution, live
**Blue** dots are real data, **orange** dots what the generator G makes from random noise. The background
is the discriminator D: where it thinks points are real (yellow) or fake (purple). Arrows show where G's
loss pushes a few of its points. The lower right curve measures how far apart the real and generated
points are (MMD², lower is better). Try the presets: one that collapses onto a moving blob, and fixes.""",
    "live.preset": "Preset",
    # the same as the names in live_training.PRESETS
    "live.preset.default": "Default: non-saturating GAN on the ring",
    "live.preset.collapse": "Mode collapse: minimax, G learns 10× faster than D",
    "live.preset.more_d_steps": "Fixed: the same, with 5 D steps per G step",
    "live.preset.wgan_gp": "Fixed with WGAN-GP (steady; press Start twice)",
    "live.preset.lsgan": "LSGAN on the 5×5 grid",
    "live.target": "Target distribution",
    "live.target.ring": "Ring of 8 Gaussians",
    "live.target.grid": "5×5 grid",
    "live.target.spiral": "Spiral",
    "live.target.moons": "Two moons",
    "live.target.custom": "Your points (below)",
    "live.points": "Your points: 'x, y' per line, each from -3 to 3 (for the target 'Your points')",
    "live.loss": "Loss",
    "live.loss.minimax": "Minimax (Goodfellow 2014)",
    "live.loss.non-saturating": "Non-saturating (Goodfellow 2014)",
    "live.loss.wgan": "WGAN, weight clipping (Arjovsky 2017)",
    "live.loss.wgan-gp": "WGAN-GP (Gulrajani 2017)",
    "live.loss.lsgan": "LSGAN (Mao 2017)",
    "live.lr_generator": "G learning rate",
    "live.lr_discriminator": "D learning rate",
    "live.networks": "Networks, batch, clipping, seed",
    "live.d_steps": "D steps per G step",
    "live.latent_dim": "Noise dimension",
    "live.hidden_size": "Width (units per layer)",
    "live.num_layers": "Depth (hidden layers)",
    "live.batch_size": "Batch size",
    "live.max_grad_norm": "Gradient clipping: max norm (0 = off)",
    "live.max_steps": "Steps per run (at most 20 s)",
    "live.start": "Start",
    "live.pause": "Pause",
    "live.step": "Step ×10",
    "live.reset": "Reset",
    "live.status": "Press **Start**.",
    "live.picture": "Real (blue) and generated (orange) points over D's decision surface",
    "live.losses": "Losses (D blue, G orange)",
    "live.divergence": "Divergence: MMD² between real and generated (lower = closer)",
    "live.numbers": "Latest numbers",
    "live.metrics": "metrics",
    "live.lstm.tab": "A char-LSTM learns a text",
    "live.lstm.intro": """### A tiny LSTM learning to write, live
A one-layer LSTM (128 units) starts knowing nothing and reads random 64-character windows of your text,
learning to guess each next character. Every two seconds it writes a sample: watch babble turn into words.""",
    "live.lstm.pick": "Pick a text (or paste your own below)",
    # the same as the names in ui/live_texts.TEXTS
    "live.lstm.text.coriolanus": "Shakespeare, Coriolanus (opening)",
    "live.lstm.text.twinkle": "Twinkle, twinkle, little star (Jane Taylor, 1806)",
    "live.lstm.text": "Text (the first 20,000 characters are used)",
    "live.lstm.learning_rate": "Learning rate",
    "live.lstm.seconds": "Seconds to train",
    "live.lstm.temperature": "Sampling temperature",
    "live.lstm.train": "Train",
    "live.lstm.loss": "Loss (nats per character; lower = better guesses)",
    "live.lstm.samples": "Samples, newest first",
    # ------------------------------------------------------------------ footer (ui/about.py)
    "about.accordion": "Where the models come from",
}

ZH: dict[str, str] = {
    # ------------------------------------------------------------------ header, shared
    "app.header": """# GAN 与 LSTM 实验室
动手玩真实的预训练模型，看看 **生成对抗网络（GAN）** 如何作画，**长短期记忆网络（LSTM）** 如何读写。每个控件
同时也是一个 API 端点（见页面底部的“通过 API 使用”）。""",
    "common.seed": "随机种子",
    "common.new_seed": "🎲 换个种子",
    "common.stop": "停止",
    "common.loading": "加载中…",
    # ------------------------------------------------------------------ GAN tab
    "gan.tab": "GAN 生成对抗网络",
    "gan.intro": """### 生成对抗网络：从噪声画出数字
**生成器** G 把一组随机数 *z*（即 **潜在噪声**，由 *随机种子* 决定）和一个数字标签变成一张图像。**判别器** D
与它同时训练，学习区分 G 生成的图像和真实的手写数字，而 G 正是靠骗过 D 学会了画数字。拖动滑块：潜在空间中的
每一个点都是一种不同的书写风格。**截断 ψ** 把 *z* 向平均值收缩（ψ = 0：最典型的数字；ψ = 1：完整的多样性）。""",
    "gan.model.accordion": "模型：来源，或加载其他模型",
    "gan.model.in_use": "当前使用的模型",
    "gan.model.repo": "Hub 仓库 ID（owner/name）：我们的模型、已知的社区 DCGAN，或输入任意兼容的仓库",
    "gan.model.revision": "版本（分支、标签或提交；可选）",
    "gan.model.load": "加载模型",
    "gan.explore.tab": "探索",
    "gan.digit": "数字",
    "gan.truncation": "截断 ψ",
    "gan.directions_help": """**主方向**（GANSpace）：在同一个数字内，让 G 第一层激活变化最大的 *z* 方向，按强弱排序。原始维度只移动
*z* 的某一个坐标：带来的变化通常远没有那么有意义。""",
    "gan.pc.share": "的风格方差",
    "gan.pc.absent": "此模型中没有",
    "gan.raw_dim0": "原始维度 z[0] 偏移",
    "gan.raw_dim1": "原始维度 z[1] 偏移",
    "gan.raw_dim2": "原始维度 z[2] 偏移",
    "gan.reset": "滑块归零",
    "gan.image": "生成的数字",
    "gan.verdict": "判别器的判断",
    "gan.link": "🔗 链接到这个数字",
    "gan.link_box": "永久链接：用这些设置打开本标签页（得到同一张图）",
    "gan.interp.tab": "插值",
    "gan.interp.start_digit": "起始数字",
    "gan.interp.start_seed": "起始种子",
    "gan.interp.end_digit": "终点数字",
    "gan.interp.end_seed": "终点种子",
    "gan.interp.frames": "帧数",
    "gan.interp.button": "开始插值",
    "gan.interp.strip": "各帧",
    "gan.interp.gif": "GIF 动画（下载）",
    "gan.grid.tab": "网格",
    "gan.grid.all": "全部",
    "gan.grid.per_row": "每行样本数",
    "gan.grid.button": "生成网格",
    "gan.grid.image": "样本",
    # ------------------------------------------------------------------ LSTM text tab
    "lstm.tab": "LSTM 文本生成",
    "lstm.intro": """### 会写莎士比亚的字符级 LSTM
模型每次读一个字符，每读一个就猜下一个是什么。输入一行的开头：它会从自己的猜测中**采样**，一个字符接一个字符地
续写下去。**温度** 让猜测更尖锐（< 1）或更平坦（> 1）（0 = 总是取最可能的字符）；**top-k** 只保留最可能的 k 个
字符；**top-p** 只保留概率之和达到 p 的最小字符集合。""",
    "lstm.prompt": "提示词",
    "lstm.length": "生成字符数",
    "lstm.temperature": "温度",
    "lstm.top_k": "Top-k（0 = 关闭）",
    "lstm.top_p": "Top-p（1 = 关闭）",
    "lstm.generate": "生成",
    "lstm.link": "🔗 链接到这段文字",
    "lstm.link_box": "永久链接：用这些设置打开本标签页（得到同一段文字）",
    "lstm.output": "生成的文本（流式输出）",
    "lstm.confidence": "它对写出的每个字符有多确定（颜色越深 = 越确定）",
    "lstm.inside": """### LSTM 的内部
每读一个字符，每个 LSTM 单元都会计算 **输入门** i、**遗忘门** f、**输出门** o（都在 0 到 1 之间）和 **候选值** g，
然后更新它的记忆 **c = f·c + i·g**，并输出 **h = o·tanh(c)**。热力图显示的是在整段文本上数值变化最大的那些单元
（橙色 = 高，蓝色 = 低；门的取值从 0 = 蓝色到 1 = 橙色）。*看点：* 换行符（⏎）之后立刻下降的遗忘门；在冒号处
切换、或在一行之内保持高值并在行尾复位的细胞状态。""",
    "lstm.inspect": "要观察内部的文本（生成的文本会放到这里；也可以粘贴你自己的）",
    "lstm.layer": "层",
    "lstm.layer1": "第 1 层",
    "lstm.layer2": "第 2 层",
    "lstm.show": "显示",
    "lstm.quantity.f": "遗忘门 f",
    "lstm.quantity.i": "输入门 i",
    "lstm.quantity.o": "输出门 o",
    "lstm.quantity.g": "候选值 g",
    "lstm.quantity.c": "细胞状态 c",
    "lstm.quantity.h": "隐藏状态 h",
    "lstm.analyse": "分析",
    "lstm.expected": "模型读到每个字符之前对它的预期程度（颜色越深 = 越在意料之中）",
    "lstm.heatmap": "热力图",
    "lstm.unit": "按哪个单元给文本着色",
    "lstm.unit_view": "按这个单元的值着色的文本（暖色 = 高，冷色 = 低）",
    "lstm.position": "文本中的位置",
    "lstm.candidates": "它认为最可能的 5 个下一个字符",
    # ------------------------------------------------------------------ classification tab
    "classify.tab": "LSTM 序列分类",
    "classify.intro": """### 读完一个序列，得出结论
LSTM 一步一步地读取输入（句子中的一个词，或名字中的一个字符），并在记忆中保留一份不断更新的摘要。**每**读一步，
都有一个小分类器读取这份摘要，所以你可以看到模型的判断在阅读过程中如何变化：哪个词扭转了整句话，哪些字母暴露了
这个姓氏的来源。最终结论就是读完最后一步之后的判断。""",
    "classify.sentiment.tab": "句子的情感",
    "classify.sentence": "句子",
    "classify.button": "分类",
    "classify.sentiment.examples": "试试否定和转折",
    "classify.verdict": "结论",
    "classify.belief": "读完每个词后的判断",
    "classify.moved": "每个词让判断移动了多少（暖色 = 偏向正面，冷色 = 偏向负面）",
    "classify.trace.accordion": "追踪数据",
    "classify.trace": "追踪记录",
    "classify.name.tab": "姓氏的语言",
    "classify.surname": "姓氏",
    "classify.name.examples": "示例",
    "classify.top3": "最可能的 3 种语言",
    "classify.name.belief": "读完每个字符后的判断（最终排名前 3 的语言）",
    # ------------------------------------------------------------------ Watch it learn
    "live.tab": "实时训练",
    "live.gan.tab": "二维 GAN",
    "live.gan.intro": """### 实时观看 GAN 学习一个二维分布
**蓝色** 的点是真实数据，**橙色** 的点是生成器 G 从随机噪声生成的点。背景是判别器 D 的看法：它认为哪里的点是
真实的（黄色），哪里是生成的（紫色）。箭头表示 G 的损失把它的一部分点往哪里推。右下方的曲线衡量真实点与生成点
相差多远（MMD²，越低越好）。试试各个预设：有一个会塌缩到一个不断移动的团块上，另外几个是修正方案。""",
    "live.preset": "预设",
    "live.preset.default": "默认：圆环上的非饱和 GAN",
    "live.preset.collapse": "模式崩溃：极小极大损失，G 的学习速度是 D 的 10 倍",
    "live.preset.more_d_steps": "修正：设置相同，但 G 每更新一步，D 更新 5 步",
    "live.preset.wgan_gp": "用 WGAN-GP 修正（平稳；点两次“开始”）",
    "live.preset.lsgan": "5×5 网格上的 LSGAN",
    "live.target": "目标分布",
    "live.target.ring": "8 个高斯分布组成的圆环",
    "live.target.grid": "5×5 网格",
    "live.target.spiral": "螺旋",
    "live.target.moons": "双月形",
    "live.target.custom": "你的点（见下方）",
    "live.points": "你的点：每行一个 'x, y'，取值都在 -3 到 3 之间（用于目标“你的点”）",
    "live.loss": "损失函数",
    "live.loss.minimax": "极小极大（Goodfellow 2014）",
    "live.loss.non-saturating": "非饱和（Goodfellow 2014）",
    "live.loss.wgan": "WGAN，权重裁剪（Arjovsky 2017）",
    "live.loss.wgan-gp": "WGAN-GP 梯度惩罚（Gulrajani 2017）",
    "live.loss.lsgan": "LSGAN 最小二乘（Mao 2017）",
    "live.lr_generator": "G 的学习率",
    "live.lr_discriminator": "D 的学习率",
    "live.networks": "网络、批量、梯度裁剪、随机种子",
    "live.d_steps": "G 每更新一步时 D 的更新步数",
    "live.latent_dim": "噪声维度",
    "live.hidden_size": "宽度（每层单元数）",
    "live.num_layers": "深度（隐藏层数）",
    "live.batch_size": "批量大小",
    "live.max_grad_norm": "梯度裁剪：最大范数（0 = 关闭）",
    "live.max_steps": "每次运行的步数（最多 20 秒）",
    "live.start": "开始",
    "live.pause": "暂停",
    "live.step": "单步 ×10",
    "live.reset": "重置",
    "live.status": "点击 **开始**。",
    "live.picture": "D 的决策面上的真实点（蓝色）与生成点（橙色）",
    "live.losses": "损失（D 蓝色，G 橙色）",
    "live.divergence": "差异：真实点与生成点之间的 MMD²（越低 = 越接近）",
    "live.numbers": "最新数值",
    "live.metrics": "指标",
    "live.lstm.tab": "字符级 LSTM 学习一段文本",
    "live.lstm.intro": """### 实时观看一个小 LSTM 学写作
一个单层 LSTM（128 个单元）从一无所知开始，随机读取你的文本中 64 个字符长的片段，学习猜测每个下一个字符。每隔
两秒它会写一段样本：看着胡言乱语逐渐变成单词。""",
    "live.lstm.pick": "选一段文本（或在下方粘贴你自己的）",
    "live.lstm.text.coriolanus": "莎士比亚《科利奥兰纳斯》（开篇）",
    "live.lstm.text.twinkle": "《一闪一闪小星星》（Jane Taylor，1806）",
    "live.lstm.text": "文本（只使用前 20,000 个字符）",
    "live.lstm.learning_rate": "学习率",
    "live.lstm.seconds": "训练秒数",
    "live.lstm.temperature": "采样温度",
    "live.lstm.train": "训练",
    "live.lstm.loss": "损失（每字符 nats；越低 = 猜得越准）",
    "live.lstm.samples": "样本（最新的在前）",
    # ------------------------------------------------------------------ footer
    "about.accordion": "模型从哪里来",
}
