"""The app's UI strings in English and Simplified Chinese: one `I18N` for every tab.

`I18N("key")` gives a placeholder that the browser replaces with the text for its locale (Gradio picks
the locale from the browser; English is the fallback). Pass `I18N` to `demo.launch(i18n=I18N)`.
This module holds the Theory and Lesson texts; ui/i18n_tabs.py those of the header and the model tabs.
Formulas are not here: LaTeX reads the same in every language (ui/theory.py holds it).

What is translated: every string set when the layout is built (tab names, labels, info texts, button
texts, Markdown intros, the display names of Radio and Dropdown choices; their values stay English,
so handlers and the API receive the same values in every language). What stays English: text that
handlers return at run time (captions, status lines, notes, gr.Error / gr.Warning / gr.Info messages,
the labels gan_load_model gives the sliders), because it is also what the API returns and Gradio
translates only the placeholders it finds in component properties, not handler output. Also English:
the plots' axis titles (Gradio 6.31 does not translate x_title / y_title) and the example inputs
(the models read English).
"""

from __future__ import annotations

import json
import re
from typing import Any

import gradio as gr
from gradio.i18n import I18nData

from ui import i18n_tabs

EN: dict[str, str] = {
    # ------------------------------------------------------------------ Theory tab
    "theory.tab": "Theory: GAN vs LSTM",
    "theory.intro": """### Two ways to learn from data
A **GAN** learns to *make* new samples that look like its training data (here: handwritten digits).
An **LSTM** learns to *read a sequence* one step at a time, carrying a memory, and to predict what comes
next or what the whole sequence means (here: Shakespeare, film reviews, surnames). Below: what each is
for, how each is trained, and the equations behind them. Every **Show me →** button opens the tab where
you can watch the idea at work.""",
    "theory.compare": """| | GAN (our digit generator) | LSTM (our Shakespeare writer) |
|---|---|---|
| **What it is for** | making new samples (images) from random noise | modelling sequences: predicting the next item, or classifying a whole sequence |
| **Input → output** | noise *z* (64 numbers) + a digit label → a 28×28 image | characters, one at a time → a probability for every possible next character |
| **Parts** | two networks: a generator G and a discriminator D | one recurrent network (2 layers × 512 units) with a cell state *c* and a hidden state *h* |
| **Training signal** | no target image: G learns only through D's judgement; D learns real vs generated | the next character of the text itself (cross-entropy loss) |
| **How training goes** | a two-player game: D and G take turns, and can oscillate or collapse | one loss minimised by gradient descent (backpropagation through time) |
| **Making a sample** | one forward pass draws a whole image | one step per character: 300 characters take 300 steps in a row |
| **Typical failures** | mode collapse (few kinds of image), unstable training | exploding or vanishing gradients; loops or drift when sampling |
| **How we check it** | do samples look real *and* varied? (class accuracy, FID) | validation loss (nats per character); samples that read well |""",
    "theory.go.gan": "Show me: the GAN tab →",
    "theory.go.lstm_text": "Show me: LSTM text generation →",
    "theory.go.lstm_classify": "Show me: LSTM classification →",
    "theory.go.live_training": "Show me: watch it learn →",
    "theory.gan.intro": """## GAN: a forger and a detective
The **generator** G maps random noise *z* (and, in our model, a digit label *y*) to an image. The
**discriminator** D looks at an image and scores how real it seems. They are trained in turns: D on a
batch of real images and a batch of G's fakes, then G to make D score its fakes as real. G never sees a
real image: all it knows about handwriting reaches it through D's gradients.

Goodfellow et al. (2014) wrote this as a **minimax game** with value function *V*: D maximises it
(real images high, fakes low) while G minimises it. Here D(x) is D's probability that x is real:""",
    "theory.gan.nonsat": """Against the best possible D, minimising *V* means minimising the Jensen–Shannon divergence
between the real and the generated distributions; the optimum is reached when they are equal, and then
D(x) = ½ everywhere.

Early in training D rejects the fakes easily, D(G(z)) ≈ 0, and log(1 − D(G(z))) is flat there: G gets
almost no gradient (the loss **saturates**). So the same paper trains G with the **non-saturating**
loss instead, *maximise* log D(G(z)): the same fixed point, but strong gradients while G is losing.""",
    "theory.gan.hinge": """**What our digit GAN actually uses: the hinge loss** (Lim & Ye 2017; Miyato et al. 2018). D
outputs an unbounded score instead of a probability and stops pushing once real images score above +1
and fakes below −1. Our D is conditional on the label *y* (a projection discriminator, Miyato & Koyama
2018) and every layer is spectrally normalised:""",
    "theory.gan.ours": """The “real %” in the GAN tab is σ(D(x, y)), D's score squashed into (0, 1): a readout, not a
calibrated probability. The generator we ship is an exponential moving average (EMA) of G's weights
during training, which smooths out the back-and-forth of the game (Yazıcı et al. 2019).""",
    "theory.unstable.why": """## Why GAN training is unstable
- **A game, not a descent.** Each player's step changes the other's loss. Simultaneous gradient steps
  can circle around the equilibrium instead of reaching it (min over x, max over y of x·y spirals outward).
- **Vanishing gradients.** When D wins too clearly, the minimax loss saturates for G. And when real and
  generated samples lie on thin, non-overlapping sets, as images do, the Jensen–Shannon divergence is stuck
  at log 2 and gives no direction to move in.
- **Mode collapse.** G fools the current D with a few kinds of sample; D learns to reject them; G jumps
  to others. The samples lose variety.
- **Sensitivity.** Learning rates, the balance between D and G and the architecture all matter.

## What helps
**WGAN** (Arjovsky et al. 2017): D becomes a *critic* f with an unbounded output, and the game
estimates the Wasserstein-1 (earth mover's) distance, which still gives useful gradients when the two
distributions do not overlap. The critic must be 1-Lipschitz; WGAN enforces this crudely by **weight
clipping**: after every update each weight is clipped into [−c, c], with c = 0.01.""",
    "theory.unstable.gp": """**WGAN-GP** (Gulrajani et al. 2017) replaces weight clipping with a **gradient penalty**: the
critic's gradient norm is pulled toward 1 at points x̂ on straight lines between real and generated
samples (λ = 10):""",
    "theory.unstable.lsgan": """**LSGAN** (Mao et al. 2017) uses least squares: fakes that already fool D but lie far from the
real data are still pulled toward it, so G's gradients do not vanish:""",
    "theory.unstable.sn": """**Spectral normalisation** (Miyato et al. 2018) divides each layer's weight matrix by its largest
singular value σ(W), estimated with one step of power iteration per update, so every layer, and hence
D, is at most 1-Lipschitz. It is cheap, and our digit GAN's D uses it:""",
    "theory.unstable.more": """**Also:** several D steps per G step; Adam with β₁ = 0.5 (DCGAN); separate learning rates for D
and G (TTUR, Heusel et al. 2017); an EMA of G's weights. **Gradient-norm clipping** caps the size of
each update and guards against a single huge step; unlike weight clipping it does not make D Lipschitz.
The *Watch it learn* tab trains a GAN on 2-D points with five of these losses and a clipping slider:
try the presets for mode collapse and its fixes.""",
    "theory.lstm.intro": """## LSTM: a network that controls its own memory
A plain recurrent network squeezes everything it has read into one vector and rewrites all of it at
every step; gradients sent back through many steps shrink or blow up, so it forgets quickly. The
**LSTM** (Hochreiter & Schmidhuber 1997) adds a **cell state** c, updated by *addition* and guarded by
**gates**: sigmoids between 0 (closed) and 1 (open). The **forget gate** came later (Gers et al. 2000).
At step t, from the input x_t and the previous hidden state h_{t−1}, PyTorch's `nn.LSTM` computes
(σ: sigmoid, ⊙: element-wise product):""",
    "theory.lstm.gates": """- **input gate** i_t: how much of the candidate to write into the cell;
- **forget gate** f_t: how much of the old cell to keep (1 keeps it, 0 erases it);
- **candidate** g_t (often written c̃_t): the proposed new content, between −1 and 1;
- **output gate** o_t: how much of the cell to show as the **hidden state** h_t, which the next layer
  and the output head read.

PyTorch stores the four gates' weights stacked in the order **i, f, g, o**: `weight_ih_l0` has shape
(4·hidden_size, input_size). Our Shakespeare model stacks 2 such layers of 512 units; a linear layer
on the top layer's h_t gives the next-character probabilities. It was trained on tiny Shakespeare to
minimise the cross-entropy of the next character, by backpropagation through time over windows of
text, with gradient-norm clipping against exploding gradients.

Because c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t, while f ≈ 1 the gradient flows back through c almost
unchanged: that is how an LSTM remembers over hundreds of steps. **See the forget gate close at a
newline:** in the text generation tab, under *Inside the LSTM*, choose *Show: forget gate f* and look
just after the ⏎ marks.""",
    "theory.lstm.classify": """The same cell reads a sentence word by word, or a name letter by letter, and a small classifier
reads its last hidden state: the classification tab shows the belief after every step.""",
    "theory.lstm.slow": """## Why LSTMs are slow on long sequences
- **Each step needs the one before.** h_t depends on h_{t−1}, so the steps of a sequence run one after
  another: there is no parallelism along time, unlike a convolution or a transformer, which process all
  positions of a training sequence at once. A GPU helps only by running many sequences side by side.
- **Writing at batch size 1 is memory-bound.** Each character reads all ≈ 3.3 million LSTM weights of
  our model to do ≈ 3.3 million multiply-adds: one multiply-add per weight fetched, so the step waits on
  memory rather than arithmetic, and fixed per-step costs (kernel launches, Python) weigh heavily.
  300 characters are 300 such steps in a row.
- **Training is sequential too.** Backpropagation through time walks the same steps backwards and must
  keep every step's activations, so long texts are cut into windows (truncated BPTT).

In contrast, the GAN's generator draws a whole digit, or a whole batch of digits, in one forward pass.""",
    "theory.references": """### References
- Goodfellow et al. 2014, *Generative Adversarial Nets*, [arXiv:1406.2661](https://arxiv.org/abs/1406.2661)
- Radford et al. 2015, *DCGAN*, [arXiv:1511.06434](https://arxiv.org/abs/1511.06434)
- Lim & Ye 2017, *Geometric GAN* (hinge loss), [arXiv:1705.02894](https://arxiv.org/abs/1705.02894)
- Miyato et al. 2018, *Spectral Normalization for GANs*, [arXiv:1802.05957](https://arxiv.org/abs/1802.05957)
- Miyato & Koyama 2018, *cGANs with Projection Discriminator*, [arXiv:1802.05637](https://arxiv.org/abs/1802.05637)
- Arjovsky, Chintala & Bottou 2017, *Wasserstein GAN*, [arXiv:1701.07875](https://arxiv.org/abs/1701.07875)
- Gulrajani et al. 2017, *Improved Training of Wasserstein GANs*, [arXiv:1704.00028](https://arxiv.org/abs/1704.00028)
- Mao et al. 2017, *Least Squares GANs*, [arXiv:1611.04076](https://arxiv.org/abs/1611.04076)
- Heusel et al. 2017, *GANs Trained by a Two Time-Scale Update Rule*, [arXiv:1706.08500](https://arxiv.org/abs/1706.08500)
- Yazıcı et al. 2019, *The Unusual Effectiveness of Averaging in GAN Training*, [arXiv:1806.04498](https://arxiv.org/abs/1806.04498)
- Hochreiter & Schmidhuber 1997, *Long Short-Term Memory*, [doi:10.1162/neco.1997.9.8.1735](https://doi.org/10.1162/neco.1997.9.8.1735)
- Gers, Schmidhuber & Cummins 2000, *Learning to Forget*, [doi:10.1162/089976600300015015](https://doi.org/10.1162/089976600300015015)
- PyTorch, [`torch.nn.LSTM`](https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html)""",
    # ------------------------------------------------------------------ Lesson tab
    "lesson.tab": "Lesson",
    "lesson.intro": """### A guided lesson: GANs and LSTMs in 10 steps
Each step names a tab and a control. **Predict first** (say it or write it down), then try it, then
open **Reveal**. **Show me →** jumps to the tab; come back with the *Lesson* tab.""",
    "lesson.reveal": "Reveal",
    "lesson.back": "← Back",
    "lesson.next": "Next →",
    "lesson.step1.title": "1 · Noise → digit",
    "lesson.step1.task": """**GAN tab, Explore.** Keep the digit fixed and press **🎲 New seed** a few times.

*Predict:* will the digit turn into a different number, or change only its style?""",
    "lesson.step1.answer": """Only its style: slant, stroke width, loops. The label *y* tells G **which** digit to draw; the
noise *z*, picked by the seed, tells it **how**. Each seed is a different point of latent space.""",
    "lesson.step2.title": "2 · Truncation",
    "lesson.step2.task": """**GAN tab, Explore.** Before you move **Truncation ψ** to 0, predict: will the digits you get
from different seeds become **more** or **less** varied? And at ψ = 1.5?""",
    "lesson.step2.answer": """**Less** varied. ψ shrinks *z* toward the average: at ψ = 0 every seed gives the same
“average” digit; at ψ = 1 you see the full variety G was trained on; above 1 you leave the region G saw
in training and get more unusual, and more often broken, digits. Truncation trades variety for
typicality.""",
    "lesson.step3.title": "3 · Latent walk",
    "lesson.step3.task": """**GAN tab, Interpolate** (start 3, end 8): press **Interpolate**.

*Predict:* will the middle frames blend smoothly, or will the image jump from 3 to 8 at one frame?""",
    "lesson.step3.answer": """They blend: G is a continuous function of *z* and of the label, so small steps in its input give
small changes in the image. The middle frames may be shapes that are neither 3 nor 8: G never saw a
half-3, half-8 label in training, and D's verdict often drops there.""",
    "lesson.step4.title": "4 · Two players",
    "lesson.step4.task": """**Watch it learn → A GAN in 2-D**, default preset: press **Start**.

*Predict:* as training goes on, will D's loss fall to zero?""",
    "lesson.step4.answer": """No. It falls at first, then both curves hover: whenever D gets better, G follows. With the
non-saturating loss, a D that can no longer tell real from fake (D = ½ everywhere) has loss
2·ln 2 ≈ 1.39. A GAN's losses do not say how good the samples are: watch the points and the MMD² curve.""",
    "lesson.step5.title": "5 · Mode collapse",
    "lesson.step5.task": """**Watch it learn**, preset **Mode collapse: minimax, G learns 10× faster than D**: press
**Start**.

*Predict:* will the orange points cover all eight blobs of the ring?""",
    "lesson.step5.answer": """No: they gather on one or a few blobs and hop between them. G finds what fools the current D;
D catches up and rejects it; G jumps elsewhere. That is **mode collapse**. The next preset, with 5 D
steps per G step, lets D keep up.""",
    "lesson.step6.title": "6 · Steadier",
    "lesson.step6.task": """**Watch it learn**, preset **Fixed with WGAN-GP**: press **Start** (twice: it needs more steps).

*Predict:* compared with step 5, will the MMD² curve fall more steadily or more erratically?""",
    "lesson.step6.answer": """More steadily. The WGAN-GP critic estimates the Wasserstein distance, which still gives G useful
gradients when its points sit far from the data, and the gradient penalty keeps the critic from getting
too steep. Its loss is not a probability and can be negative. The formulas are in the Theory tab.""",
    "lesson.step7.title": "7 · Temperature",
    "lesson.step7.task": """**LSTM text generation.** Generate 300 characters at **Temperature** 0, then at 1.5, with
the same prompt.

*Predict:* which one will repeat itself, and which will invent words?""",
    "lesson.step7.answer": """Temperature 0 always takes the likeliest character and soon falls into a loop. At 1.5 the
probabilities are flattened, unlikely characters get picked and the spelling falls apart. Around
0.7–0.9 reads best. The model is the same each time: only the sampling changed.""",
    "lesson.step8.title": "8 · The forget gate",
    "lesson.step8.task": """**LSTM text generation → Inside the LSTM.** Generate a few lines, choose **Show: forget gate
f**, layer 2.

*Predict:* where in the text will some forget gates drop toward 0?""",
    "lesson.step8.answer": """Look just after the newlines (⏎) and around the speakers' names (“ROMEO:”). A forget gate near 0
erases its unit's cell: the model drops what it no longer needs, such as where it was inside the line
that just ended. Other units keep f ≈ 1 for long stretches: those are long-term memories. Not every unit
does this; the heatmap shows the ones that change most.""",
    "lesson.step9.title": "9 · A verdict",
    "lesson.step9.task": """**LSTM sequence classification.** Classify *The movie was good.*, then *The movie was not
good.*

*Predict:* will the word “good” move the belief the same way in both sentences?""",
    "lesson.step9.answer": """Not at all. In the first sentence “good” lifts P(positive) sharply. In the second, “not” has
already pulled the belief down, and “good” barely moves it: the LSTM still carries “not” in its memory
when it reads “good”. The verdict is simply the belief after the last word. Negation is hard for small
models: if this one gets other sentences wrong, that is a finding too.""",
    "lesson.step10.title": "10 · LSTM learns",
    "lesson.step10.task": """**Watch it learn → A char-LSTM learns a text**: press **Train**.

*Predict:* what will the first samples look like, and what appears first: whole words, spaces, or
punctuation?""",
    "lesson.step10.answer": """Random characters first; then the common letters, then spaces at about word-length intervals,
then short common words. The loss falls fast, then slowly. A last contrast: the GAN drew a whole digit in
one forward pass, while the LSTM writes one character after another. That is why LSTMs are slow on long
sequences (Theory tab).""",
}

ZH: dict[str, str] = {
    # ------------------------------------------------------------------ Theory tab
    "theory.tab": "原理：GAN 与 LSTM 对比",
    "theory.intro": """### 从数据中学习的两种方式
**生成对抗网络（GAN）** 学习*生成*与训练数据相似的新样本（这里是手写数字）。**长短期记忆网络（LSTM）**
学习*逐步读取一个序列*，一边读一边保留记忆，用来预测下一个元素，或判断整个序列的含义（这里是莎士比亚的文字、
影评和姓氏）。下面依次介绍两者各自的用途、训练方法以及背后的公式。每个 **带我去看 →** 按钮都会打开对应的
标签页，让你亲眼看到这个概念的实际效果。""",
    "theory.compare": """| | GAN（我们的数字生成器） | LSTM（我们的莎士比亚写手） |
|---|---|---|
| **用途** | 从随机噪声生成新样本（图像） | 对序列建模：预测下一个元素，或对整个序列分类 |
| **输入 → 输出** | 噪声 *z*（64 个数）+ 数字标签 → 一张 28×28 的图像 | 逐个读入字符 → 下一个字符取各个值的概率 |
| **组成** | 两个网络：生成器 G 和判别器 D | 一个循环网络（2 层 × 512 个单元），带有细胞状态 *c* 和隐藏状态 *h* |
| **训练信号** | 没有目标图像：G 只能通过 D 的判断来学习；D 学习区分真实与生成 | 文本自身的下一个字符（交叉熵损失） |
| **训练过程** | 双人博弈：D 和 G 轮流更新，可能振荡或崩溃 | 用梯度下降最小化同一个损失（随时间反向传播） |
| **生成一个样本** | 一次前向传播就画出整张图 | 每个字符一步：写 300 个字符要连续走 300 步 |
| **典型问题** | 模式崩溃（只会生成少数几类图像）、训练不稳定 | 梯度爆炸或消失；采样时陷入循环或跑题 |
| **如何检验** | 样本是否逼真*且*多样？（类别准确率、FID） | 验证集损失（每字符 nats）；生成的文字是否通顺 |""",
    "theory.go.gan": "带我去看：GAN 标签页 →",
    "theory.go.lstm_text": "带我去看：LSTM 文本生成 →",
    "theory.go.lstm_classify": "带我去看：LSTM 序列分类 →",
    "theory.go.live_training": "带我去看：实时训练 →",
    "theory.gan.intro": """## GAN：伪造者与鉴定师
**生成器** G 把随机噪声 *z*（在我们的模型中还有一个数字标签 *y*）映射成一张图像。**判别器** D 观察一张图像，
给出它看起来有多真实的评分。两者轮流训练：先用一批真实图像和一批 G 生成的假图像训练 D，再训练 G，让 D 把
它的假图像判为真实。G 从未见过真实图像：它对手写体的全部了解，都来自 D 传回的梯度。

Goodfellow 等人（2014）把这一过程写成一个带价值函数 *V* 的**极小极大博弈**：D 要最大化 *V*（真实图像得分高，
假图像得分低），G 要最小化 *V*。其中 D(x) 是 D 认为 x 为真实样本的概率：""",
    "theory.gan.nonsat": """当 D 达到最优时，最小化 *V* 等价于最小化真实分布与生成分布之间的 Jensen–Shannon 散度；两个分布相同时
取得最优，此时处处有 D(x) = ½。

训练初期，D 很容易识破假图像，D(G(z)) ≈ 0，而 log(1 − D(G(z))) 在这里几乎是平的：G 几乎得不到梯度
（损失**饱和**）。因此同一篇论文改用**非饱和**损失训练 G，即*最大化* log D(G(z))：不动点不变，但在 G 落后时
梯度依然很强。""",
    "theory.gan.hinge": """**我们的数字 GAN 实际使用的是合页损失（hinge loss）**（Lim & Ye 2017；Miyato 等 2018）。D 输出一个
没有上下界的分数而不是概率；一旦真实图像的得分高于 +1、假图像低于 −1，它就不再继续推动。我们的 D 以标签 *y*
为条件（投影判别器，Miyato & Koyama 2018），并且每一层都做了谱归一化：""",
    "theory.gan.ours": """GAN 标签页里显示的“真实度 %”是 σ(D(x, y))，即把 D 的分数压缩到 (0, 1) 区间：只是一个读数，并不是校准过的
概率。我们发布的生成器是训练过程中 G 权重的指数移动平均（EMA），它能平滑博弈中的来回振荡（Yazıcı 等 2019）。""",
    "theory.unstable.why": """## 为什么 GAN 的训练不稳定
- **这是博弈，不是下坡。** 每一方的更新都会改变另一方的损失。同时做梯度更新时，参数可能绕着平衡点打转而无法到达
  （对 x 取最小、对 y 取最大的 x·y 就会螺旋式地向外发散）。
- **梯度消失。** D 赢得太轻松时，极小极大损失对 G 来说会饱和。而真实样本和生成样本往往分布在互不重叠的“薄”
  集合上（图像正是如此），这时 Jensen–Shannon 散度恒为 log 2，无法指明该往哪个方向走。
- **模式崩溃。** G 用少数几类样本骗过当前的 D；D 学会拒绝它们；G 又跳到另外几类。样本因此失去多样性。
- **对超参数敏感。** 学习率、D 与 G 之间的平衡以及网络结构都会产生很大影响。

## 有哪些改进
**WGAN**（Arjovsky 等 2017）：D 变成输出无界的*评论家*（critic）f，这个博弈估计的是 Wasserstein-1 距离
（推土机距离），即使两个分布不重叠也能给出有用的梯度。评论家必须满足 1-Lipschitz 条件；WGAN 用一种粗糙的办法
来保证：**权重裁剪**，每次更新后把每个权重裁剪到 [−c, c] 区间内，c = 0.01。""",
    "theory.unstable.gp": """**WGAN-GP**（Gulrajani 等 2017）用**梯度惩罚**代替权重裁剪：在真实样本与生成样本之间的连线上取点 x̂，
把评论家在这些点上的梯度范数拉向 1（λ = 10）：""",
    "theory.unstable.lsgan": """**LSGAN**（Mao 等 2017）使用最小二乘损失：即使某个假样本已经骗过了 D，只要它离真实数据还很远，仍会被拉向
真实数据，因此 G 的梯度不会消失：""",
    "theory.unstable.sn": """**谱归一化**（Miyato 等 2018）把每一层的权重矩阵除以它的最大奇异值 σ(W)（每次更新用一步幂迭代来估计），
使每一层、进而整个 D 至多是 1-Lipschitz 的。它计算代价很小，我们数字 GAN 的 D 就用了它：""",
    "theory.unstable.more": """**此外：** 每更新一次 G 就更新多次 D；使用 β₁ = 0.5 的 Adam（DCGAN 的做法）；给 D 和 G 设置不同的学习率
（TTUR，Heusel 等 2017）；对 G 的权重做 EMA。**梯度范数裁剪**限制每次更新的幅度，防止出现一次过大的更新；
但与权重裁剪不同，它并不能让 D 满足 Lipschitz 条件。“实时训练”标签页会在二维点集上训练一个 GAN，提供其中
五种损失和一个梯度裁剪滑块：试试那些演示模式崩溃及其解决办法的预设。""",
    "theory.lstm.intro": """## LSTM：自己掌控记忆的网络
普通的循环神经网络把读过的所有内容压缩进一个向量，并在每一步把它整个改写一遍；梯度沿着许多步反向传播时会不断
缩小或爆炸，所以它很快就会遗忘。**长短期记忆网络（LSTM）**（Hochreiter & Schmidhuber 1997）增加了一个
**细胞状态** c，它通过*加法*来更新，并由若干**门**把守：门是取值在 0（关闭）到 1（打开）之间的 sigmoid。
**遗忘门**是后来由 Gers 等人（2000）加入的。在第 t 步，PyTorch 的 `nn.LSTM` 根据输入 x_t 和上一步的隐藏状态
h_{t−1} 计算（σ 表示 sigmoid，⊙ 表示逐元素相乘）：""",
    "theory.lstm.gates": """- **输入门** i_t：候选内容中有多少写入细胞；
- **遗忘门** f_t：旧的细胞内容保留多少（1 表示全部保留，0 表示全部擦除）；
- **候选值** g_t（也常写作 c̃_t）：拟写入的新内容，取值在 −1 到 1 之间；
- **输出门** o_t：细胞内容有多少作为**隐藏状态** h_t 输出，供下一层和输出层读取。

PyTorch 把四个门的权重按 **i, f, g, o** 的顺序堆叠存放：`weight_ih_l0` 的形状是 (4·hidden_size, input_size)。
我们的莎士比亚模型堆叠了 2 层这样的 LSTM，每层 512 个单元；顶层的 h_t 经过一个线性层，得到下一个字符的概率。
它在 tiny Shakespeare 数据集上训练，目标是最小化下一个字符的交叉熵，方法是在文本窗口上做随时间反向传播，并用
梯度范数裁剪防止梯度爆炸。

由于 c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t，只要 f ≈ 1，梯度就能几乎不变地沿 c 向回传：这正是 LSTM 能记住几百步之前
内容的原因。**看看遗忘门如何在换行处关闭：** 在“LSTM 文本生成”标签页的“LSTM 的内部”部分，在“显示”中选择“遗忘门 f”，
观察 ⏎ 符号之后的位置。""",
    "theory.lstm.classify": """同样的单元也可以逐词读一个句子，或逐字母读一个姓名，再由一个小分类器读取它最后的隐藏状态：序列分类
标签页会显示每读一步之后模型的判断。""",
    "theory.lstm.slow": """## 为什么 LSTM 处理长序列很慢
- **每一步都依赖上一步。** h_t 依赖 h_{t−1}，所以一个序列的各步只能一个接一个地计算：沿时间方向没有并行性；
  卷积网络或 Transformer 则可以在训练时同时处理序列中的所有位置。GPU 只能靠并排处理许多条序列来提速。
- **批大小为 1 时逐字生成受限于内存带宽。** 每生成一个字符，都要读取模型全部约 330 万个 LSTM 权重，却只做约
  330 万次乘加：每取一个权重只算一次乘加，所以每一步都在等内存而不是等计算，每步的固定开销（启动计算核、
  Python 调用）占比也很大。生成 300 个字符，就要连续走 300 个这样的步骤。
- **训练同样是串行的。** 随时间反向传播要沿相同的步骤倒着走一遍，并保存每一步的激活值，所以长文本要切成窗口来
  训练（截断的随时间反向传播）。

相比之下，GAN 的生成器一次前向传播就能画出一整个数字，甚至一整批数字。""",
    "theory.references": """### 参考文献
- Goodfellow 等 2014，*Generative Adversarial Nets*，[arXiv:1406.2661](https://arxiv.org/abs/1406.2661)
- Radford 等 2015，*DCGAN*，[arXiv:1511.06434](https://arxiv.org/abs/1511.06434)
- Lim & Ye 2017，*Geometric GAN*（合页损失），[arXiv:1705.02894](https://arxiv.org/abs/1705.02894)
- Miyato 等 2018，*Spectral Normalization for GANs*，[arXiv:1802.05957](https://arxiv.org/abs/1802.05957)
- Miyato & Koyama 2018，*cGANs with Projection Discriminator*，[arXiv:1802.05637](https://arxiv.org/abs/1802.05637)
- Arjovsky, Chintala & Bottou 2017，*Wasserstein GAN*，[arXiv:1701.07875](https://arxiv.org/abs/1701.07875)
- Gulrajani 等 2017，*Improved Training of Wasserstein GANs*，[arXiv:1704.00028](https://arxiv.org/abs/1704.00028)
- Mao 等 2017，*Least Squares GANs*，[arXiv:1611.04076](https://arxiv.org/abs/1611.04076)
- Heusel 等 2017，*GANs Trained by a Two Time-Scale Update Rule*，[arXiv:1706.08500](https://arxiv.org/abs/1706.08500)
- Yazıcı 等 2019，*The Unusual Effectiveness of Averaging in GAN Training*，[arXiv:1806.04498](https://arxiv.org/abs/1806.04498)
- Hochreiter & Schmidhuber 1997，*Long Short-Term Memory*，[doi:10.1162/neco.1997.9.8.1735](https://doi.org/10.1162/neco.1997.9.8.1735)
- Gers, Schmidhuber & Cummins 2000，*Learning to Forget*，[doi:10.1162/089976600300015015](https://doi.org/10.1162/089976600300015015)
- PyTorch，[`torch.nn.LSTM`](https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html)""",
    # ------------------------------------------------------------------ Lesson tab
    "lesson.tab": "导学课程",
    "lesson.intro": """### 导学课程：10 步认识 GAN 和 LSTM
每一步都会指明要用的标签页和控件。**先预测**（说出来或写下来），再动手试，最后点开**揭晓答案**。
**带我去看 →** 会跳转到对应的标签页；看完后点“导学课程”标签页回到这里。""",
    "lesson.reveal": "揭晓答案",
    "lesson.back": "← 上一步",
    "lesson.next": "下一步 →",
    "lesson.step1.title": "1 · 从噪声到数字",
    "lesson.step1.task": """**GAN 标签页 → 探索。** 保持数字不变，点几次 **🎲 换个种子**。

*预测：*数字会变成另一个数，还是只有书写风格在变？""",
    "lesson.step1.answer": """只有风格在变：倾斜、笔画粗细、圈的形状。标签 *y* 告诉 G 画**哪个**数字；由种子决定的噪声 *z* 告诉它
**怎么**画。每个种子都对应潜在空间中的一个不同的点。""",
    "lesson.step2.title": "2 · 截断",
    "lesson.step2.task": """**GAN 标签页 → 探索。** 在把 **截断 ψ** 拖到 0 之前先预测：不同种子生成的数字会变得**更**多样
还是**更不**多样？ψ = 1.5 时又会怎样？""",
    "lesson.step2.answer": """**更不**多样。ψ 把 *z* 向平均值收缩：ψ = 0 时每个种子都给出同一个“平均”数字；ψ = 1 时能看到 G 在训练中
学到的全部多样性；大于 1 时就离开了 G 在训练中见过的区域，会得到更不寻常、也更常出错的数字。截断是在多样性
与典型性之间做取舍。""",
    "lesson.step3.title": "3 · 潜在空间漫步",
    "lesson.step3.task": """**GAN 标签页 → 插值**（起始数字 3，终点数字 8）：点击 **开始插值**。

*预测：*中间的帧会平滑过渡，还是图像会在某一帧突然从 3 跳到 8？""",
    "lesson.step3.answer": """平滑过渡：G 是 *z* 和标签的连续函数，输入变化一小步，图像也只变化一点。中间的帧可能既不像 3 也不像 8：
G 在训练中从没见过“一半是 3、一半是 8”的标签，D 的判断在这些帧上也常常下降。""",
    "lesson.step4.title": "4 · 两个玩家",
    "lesson.step4.task": """**实时训练 → 二维 GAN**，使用默认预设：点击 **开始**。

*预测：*随着训练进行，D 的损失会降到 0 吗？""",
    "lesson.step4.answer": """不会。它一开始下降，随后两条曲线都在某个水平附近波动：D 每变强一点，G 就跟上一点。使用非饱和损失时，
如果 D 已经分不清真假（处处 D = ½），它的损失是 2·ln 2 ≈ 1.39。GAN 的损失并不能说明样本好不好：要看
点的分布和 MMD² 曲线。""",
    "lesson.step5.title": "5 · 模式崩溃",
    "lesson.step5.task": """**实时训练**，选择预设 **模式崩溃：极小极大损失，G 的学习速度是 D 的 10 倍**：点击 **开始**。

*预测：*橙色的点会覆盖圆环上全部八个团块吗？""",
    "lesson.step5.answer": """不会：它们聚到一个或少数几个团块上，并在团块之间来回跳。G 找到能骗过当前 D 的位置；D 追上来并拒绝它；
G 又跳到别处。这就是**模式崩溃**。下一个预设让 D 在 G 每更新一次时更新 5 次，使 D 能跟得上。""",
    "lesson.step6.title": "6 · 更平稳的博弈",
    "lesson.step6.task": """**实时训练**，选择预设 **用 WGAN-GP 修正**：点击 **开始**（点两次，它需要更多步数）。

*预测：*与第 5 步相比，MMD² 曲线会下降得更平稳，还是更不稳定？""",
    "lesson.step6.answer": """更平稳。WGAN-GP 的评论家估计的是 Wasserstein 距离，即使 G 的点离数据很远，也能给 G 提供有用的梯度；
梯度惩罚则防止评论家变得过于陡峭。它的损失不是概率，可以是负数。公式见“原理”标签页。""",
    "lesson.step7.title": "7 · 温度",
    "lesson.step7.task": """**LSTM 文本生成。** 用同一个提示词，先以 **温度** 0 生成 300 个字符，再以 1.5 生成一次。

*预测：*哪一次会不断重复自己，哪一次会编造出不存在的单词？""",
    "lesson.step7.answer": """温度为 0 时，模型总是选择最可能的字符，很快就陷入循环。温度为 1.5 时，概率分布被拉平，不太可能的字符
也会被选中，拼写随之崩坏。0.7–0.9 左右读起来最好。每次用的都是同一个模型：变的只是采样方式。""",
    "lesson.step8.title": "8 · 遗忘门",
    "lesson.step8.task": """**LSTM 文本生成 → LSTM 的内部。** 生成几行文字，在 **显示** 中选择 **遗忘门 f**，层选第 2 层。

*预测：*在文本的哪些位置，某些遗忘门会降向 0？""",
    "lesson.step8.answer": """看换行符（⏎）之后和说话人名字（“ROMEO:”）附近。遗忘门接近 0 时，会擦除该单元的细胞状态：模型丢掉不再
需要的信息，比如刚结束的那一行里写到了哪个位置。另一些单元则长时间保持 f ≈ 1：它们是长期记忆。并不是每个
单元都这样；热力图显示的是变化最大的那些单元。""",
    "lesson.step9.title": "9 · 得出结论",
    "lesson.step9.task": """**LSTM 序列分类。** 先对 *The movie was good.* 分类，再对 *The movie was not good.*
分类。

*预测：*“good”这个词在两个句子里对判断的影响会一样吗？""",
    "lesson.step9.answer": """完全不一样。在第一句中，“good”让 P(positive) 大幅上升；在第二句中，“not”已经把判断拉低，“good”
几乎没有改变它：LSTM 读到“good”时，记忆里还带着“not”。最终结论就是读完最后一个词之后的判断。否定对小模型
来说很难：如果它在别的句子上判断错了，那也是一个发现。""",
    "lesson.step10.title": "10 · LSTM 在学习",
    "lesson.step10.task": """**实时训练 → 字符级 LSTM 学习一段文本**：点击 **训练**。

*预测：*最初的样本会是什么样子？最先学会的是完整的单词、空格，还是标点？""",
    "lesson.step10.answer": """一开始是随机字符；接着是常见字母，然后是间隔大致等于单词长度的空格，再然后是常见的短单词。损失先快速
下降，后来变慢。最后做个对比：GAN 一次前向传播就画出整个数字，而 LSTM 必须一个字符接一个字符地写。这就是
LSTM 处理长序列很慢的原因（见“原理”标签页）。""",
}


def _join_wrapped_chinese(text: str) -> str:
    """Join a paragraph's wrapped lines where both sides are Chinese: browsers show that line break as a space."""
    lines = text.split("\n")
    joined = [lines[0]]
    for line in lines[1:]:
        previous, rest = joined[-1], line.lstrip()
        if (
            previous
            and rest
            and not previous.startswith(("#", "|"))
            and previous[-1] > "\x7f"
            and rest[0] > "\x7f"
        ):
            joined[-1] = previous + rest
        else:
            joined.append(line)
    return "\n".join(joined)


EN = EN | i18n_tabs.EN
ZH = {key: _join_wrapped_chinese(text) for key, text in (ZH | i18n_tabs.ZH).items()}

I18N = gr.I18n(en=EN, zh=ZH)


_PLACEHOLDER = re.compile(r"__i18n__(\{[^{}]*\})")  # what str(I18N("key")) looks like


def in_english(value: Any) -> Any:
    """`value` (a string, I18nData, or lists and dicts of them) with every I18N placeholder in English."""
    if isinstance(value, I18nData):
        return EN.get(value.key, value.key)
    if isinstance(value, str):
        return _PLACEHOLDER.sub(lambda m: EN.get(json.loads(m.group(1))["key"], m.group(0)), value)
    if isinstance(value, dict):
        return {key: in_english(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(in_english(item) for item in value)
    return value
