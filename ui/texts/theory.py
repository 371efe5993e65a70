"""UI texts of the Theory tab (ui/theory.py). Formulas are not here: LaTeX reads the same in every language.

Each key maps to (English, Simplified Chinese), side by side; ui/i18n.py builds the app's I18N from them.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "theory.tab": (
        "Theory: GAN vs LSTM",
        "原理：GAN 与 LSTM 对比",
    ),
    "theory.intro": (
        """### Two ways to learn from data
A **GAN** learns to *make* new samples that look like its training data (here: handwritten digits).
An **LSTM** learns to *read a sequence* one step at a time, carrying a memory, and to predict what comes
next or what the whole sequence means (here: Shakespeare, film reviews, surnames). Below: what each is
for, how each is trained, and the equations behind them. Every **Show me →** button opens the tab where
you can watch the idea at work.""",
        """### 从数据中学习的两种方式
**生成对抗网络（GAN）** 学习*生成*与训练数据相似的新样本（这里是手写数字）。**长短期记忆网络（LSTM）**
学习*逐步读取一个序列*，一边读一边保留记忆，用来预测下一个元素，或判断整个序列的含义（这里是莎士比亚的文字、
影评和姓氏）。下面依次介绍两者各自的用途、训练方法以及背后的公式。每个 **带我去看 →** 按钮都会打开对应的
标签页，让你亲眼看到这个概念的实际效果。""",
    ),
    "theory.compare": (
        """| | GAN (our digit generator) | LSTM (our Shakespeare writer) |
|---|---|---|
| **What it is for** | making new samples (images) from random noise | modelling sequences: predicting the next item, or classifying a whole sequence |
| **Input → output** | noise *z* (64 numbers) + a digit label → a 28×28 image | characters, one at a time → a probability for every possible next character |
| **Parts** | two networks: a generator G and a discriminator D | one recurrent network (2 layers × 512 units) with a cell state *c* and a hidden state *h* |
| **Training signal** | no target image: G learns only through D's judgement; D learns real vs generated | the next character of the text itself (cross-entropy loss) |
| **How training goes** | a two-player game: D and G take turns, and can oscillate or collapse | one loss minimised by gradient descent (backpropagation through time) |
| **Making a sample** | one forward pass draws a whole image | one step per character: 300 characters take 300 steps in a row |
| **Typical failures** | mode collapse (few kinds of image), unstable training | exploding or vanishing gradients; loops or drift when sampling |
| **How we check it** | do samples look real *and* varied? (class accuracy, FID) | validation loss (nats per character); samples that read well |""",
        """| | GAN（我们的数字生成器） | LSTM（我们的莎士比亚写手） |
|---|---|---|
| **用途** | 从随机噪声生成新样本（图像） | 对序列建模：预测下一个元素，或对整个序列分类 |
| **输入 → 输出** | 噪声 *z*（64 个数）+ 数字标签 → 一张 28×28 的图像 | 逐个读入字符 → 下一个字符取各个值的概率 |
| **组成** | 两个网络：生成器 G 和判别器 D | 一个循环网络（2 层 × 512 个单元），带有细胞状态 *c* 和隐藏状态 *h* |
| **训练信号** | 没有目标图像：G 只能通过 D 的判断来学习；D 学习区分真实与生成 | 文本自身的下一个字符（交叉熵损失） |
| **训练过程** | 双人博弈：D 和 G 轮流更新，可能振荡或崩溃 | 用梯度下降最小化同一个损失（随时间反向传播） |
| **生成一个样本** | 一次前向传播就画出整张图 | 每个字符一步：写 300 个字符要连续走 300 步 |
| **典型问题** | 模式崩溃（只会生成少数几类图像）、训练不稳定 | 梯度爆炸或消失；采样时陷入循环或跑题 |
| **如何检验** | 样本是否逼真*且*多样？（类别准确率、FID） | 验证集损失（每字符 nats）；生成的文字是否通顺 |""",
    ),
    "theory.go.gan": (
        "Show me: the GAN tab →",
        "带我去看：GAN 标签页 →",
    ),
    "theory.go.lstm_text": (
        "Show me: LSTM text generation →",
        "带我去看：LSTM 文本生成 →",
    ),
    "theory.go.lstm_classify": (
        "Show me: LSTM classification →",
        "带我去看：LSTM 序列分类 →",
    ),
    "theory.go.live_training": (
        "Show me: watch it learn →",
        "带我去看：实时训练 →",
    ),
    "theory.gan.intro": (
        """## GAN: a forger and a detective
The **generator** G maps random noise *z* (and, in our model, a digit label *y*) to an image. The
**discriminator** D looks at an image and scores how real it seems. They are trained in turns: D on a
batch of real images and a batch of G's fakes, then G to make D score its fakes as real. G never sees a
real image: all it knows about handwriting reaches it through D's gradients.

Goodfellow et al. (2014) wrote this as a **minimax game** with value function *V*: D maximises it
(real images high, fakes low) while G minimises it. Here D(x) is D's probability that x is real:""",
        """## GAN：伪造者与鉴定师
**生成器** G 把随机噪声 *z*（在我们的模型中还有一个数字标签 *y*）映射成一张图像。**判别器** D 观察一张图像，
给出它看起来有多真实的评分。两者轮流训练：先用一批真实图像和一批 G 生成的假图像训练 D，再训练 G，让 D 把
它的假图像判为真实。G 从未见过真实图像：它对手写体的全部了解，都来自 D 传回的梯度。

Goodfellow 等人（2014）把这一过程写成一个带价值函数 *V* 的**极小极大博弈**：D 要最大化 *V*（真实图像得分高，
假图像得分低），G 要最小化 *V*。其中 D(x) 是 D 认为 x 为真实样本的概率：""",
    ),
    "theory.gan.nonsat": (
        """Against the best possible D, minimising *V* means minimising the Jensen–Shannon divergence
between the real and the generated distributions; the optimum is reached when they are equal, and then
D(x) = ½ everywhere.

Early in training D rejects the fakes easily, D(G(z)) ≈ 0, and log(1 − D(G(z))) is flat there: G gets
almost no gradient (the loss **saturates**). So the same paper trains G with the **non-saturating**
loss instead, *maximise* log D(G(z)): the same fixed point, but strong gradients while G is losing.""",
        """当 D 达到最优时，最小化 *V* 等价于最小化真实分布与生成分布之间的 Jensen–Shannon 散度；两个分布相同时
取得最优，此时处处有 D(x) = ½。

训练初期，D 很容易识破假图像，D(G(z)) ≈ 0，而 log(1 − D(G(z))) 在这里几乎是平的：G 几乎得不到梯度
（损失**饱和**）。因此同一篇论文改用**非饱和**损失训练 G，即*最大化* log D(G(z))：不动点不变，但在 G 落后时
梯度依然很强。""",
    ),
    "theory.gan.hinge": (
        """**What our digit GAN actually uses: the hinge loss** (Lim & Ye 2017; Miyato et al. 2018). D
outputs an unbounded score instead of a probability and stops pushing once real images score above +1
and fakes below −1. Our D is conditional on the label *y* (a projection discriminator, Miyato & Koyama
2018) and every layer is spectrally normalised:""",
        """**我们的数字 GAN 实际使用的是合页损失（hinge loss）**（Lim & Ye 2017；Miyato 等 2018）。D 输出一个
没有上下界的分数而不是概率；一旦真实图像的得分高于 +1、假图像低于 −1，它就不再继续推动。我们的 D 以标签 *y*
为条件（投影判别器，Miyato & Koyama 2018），并且每一层都做了谱归一化：""",
    ),
    "theory.gan.ours": (
        """The “real %” in the GAN tab is σ(D(x, y)), D's score squashed into (0, 1): a readout, not a
calibrated probability. The generator we ship is an exponential moving average (EMA) of G's weights
during training, which smooths out the back-and-forth of the game (Yazıcı et al. 2019).""",
        """GAN 标签页里显示的“真实度 %”是 σ(D(x, y))，即把 D 的分数压缩到 (0, 1) 区间：只是一个读数，并不是校准过的
概率。我们发布的生成器是训练过程中 G 权重的指数移动平均（EMA），它能平滑博弈中的来回振荡（Yazıcı 等 2019）。""",
    ),
    "theory.unstable.why": (
        """## Why GAN training is unstable
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
        """## 为什么 GAN 的训练不稳定
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
    ),
    "theory.unstable.gp": (
        """**WGAN-GP** (Gulrajani et al. 2017) replaces weight clipping with a **gradient penalty**: the
critic's gradient norm is pulled toward 1 at points x̂ on straight lines between real and generated
samples (λ = 10):""",
        """**WGAN-GP**（Gulrajani 等 2017）用**梯度惩罚**代替权重裁剪：在真实样本与生成样本之间的连线上取点 x̂，
把评论家在这些点上的梯度范数拉向 1（λ = 10）：""",
    ),
    "theory.unstable.lsgan": (
        """**LSGAN** (Mao et al. 2017) uses least squares: fakes that already fool D but lie far from the
real data are still pulled toward it, so G's gradients do not vanish:""",
        """**LSGAN**（Mao 等 2017）使用最小二乘损失：即使某个假样本已经骗过了 D，只要它离真实数据还很远，仍会被拉向
真实数据，因此 G 的梯度不会消失：""",
    ),
    "theory.unstable.sn": (
        """**Spectral normalisation** (Miyato et al. 2018) divides each layer's weight matrix by its largest
singular value σ(W), estimated with one step of power iteration per update, so every layer, and hence
D, is at most 1-Lipschitz. It is cheap, and our digit GAN's D uses it:""",
        """**谱归一化**（Miyato 等 2018）把每一层的权重矩阵除以它的最大奇异值 σ(W)（每次更新用一步幂迭代来估计），
使每一层、进而整个 D 至多是 1-Lipschitz 的。它计算代价很小，我们数字 GAN 的 D 就用了它：""",
    ),
    "theory.unstable.more": (
        """**Also:** several D steps per G step; Adam with β₁ = 0.5 (DCGAN); separate learning rates for D
and G (TTUR, Heusel et al. 2017); an EMA of G's weights. **Gradient-norm clipping** caps the size of
each update and guards against a single huge step; unlike weight clipping it does not make D Lipschitz.
The *Watch it learn* tab trains a GAN on 2-D points with five of these losses and a clipping slider:
try the presets for mode collapse and its fixes.""",
        """**此外：** 每更新一次 G 就更新多次 D；使用 β₁ = 0.5 的 Adam（DCGAN 的做法）；给 D 和 G 设置不同的学习率
（TTUR，Heusel 等 2017）；对 G 的权重做 EMA。**梯度范数裁剪**限制每次更新的幅度，防止出现一次过大的更新；
但与权重裁剪不同，它并不能让 D 满足 Lipschitz 条件。“实时训练”标签页会在二维点集上训练一个 GAN，提供其中
五种损失和一个梯度裁剪滑块：试试那些演示模式崩溃及其解决办法的预设。""",
    ),
    "theory.lstm.intro": (
        """## LSTM: a network that controls its own memory
A plain recurrent network squeezes everything it has read into one vector and rewrites all of it at
every step; gradients sent back through many steps shrink or blow up, so it forgets quickly. The
**LSTM** (Hochreiter & Schmidhuber 1997) adds a **cell state** c, updated by *addition* and guarded by
**gates**: sigmoids between 0 (closed) and 1 (open). The **forget gate** came later (Gers et al. 2000).
At step t, from the input x_t and the previous hidden state h_{t−1}, PyTorch's `nn.LSTM` computes
(σ: sigmoid, ⊙: element-wise product):""",
        """## LSTM：自己掌控记忆的网络
普通的循环神经网络把读过的所有内容压缩进一个向量，并在每一步把它整个改写一遍；梯度沿着许多步反向传播时会不断
缩小或爆炸，所以它很快就会遗忘。**长短期记忆网络（LSTM）**（Hochreiter & Schmidhuber 1997）增加了一个
**细胞状态** c，它通过*加法*来更新，并由若干**门**把守：门是取值在 0（关闭）到 1（打开）之间的 sigmoid。
**遗忘门**是后来由 Gers 等人（2000）加入的。在第 t 步，PyTorch 的 `nn.LSTM` 根据输入 x_t 和上一步的隐藏状态
h_{t−1} 计算（σ 表示 sigmoid，⊙ 表示逐元素相乘）：""",
    ),
    "theory.lstm.gates": (
        """- **input gate** i_t: how much of the candidate to write into the cell;
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
        """- **输入门** i_t：候选内容中有多少写入细胞；
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
    ),
    "theory.lstm.classify": (
        """The same cell reads a sentence word by word, or a name letter by letter, and a small classifier
reads its last hidden state: the classification tab shows the belief after every step.""",
        """同样的单元也可以逐词读一个句子，或逐字母读一个姓名，再由一个小分类器读取它最后的隐藏状态：序列分类
标签页会显示每读一步之后模型的判断。""",
    ),
    "theory.lstm.slow": (
        """## Why LSTMs are slow on long sequences
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
        """## 为什么 LSTM 处理长序列很慢
- **每一步都依赖上一步。** h_t 依赖 h_{t−1}，所以一个序列的各步只能一个接一个地计算：沿时间方向没有并行性；
  卷积网络或 Transformer 则可以在训练时同时处理序列中的所有位置。GPU 只能靠并排处理许多条序列来提速。
- **批大小为 1 时逐字生成受限于内存带宽。** 每生成一个字符，都要读取模型全部约 330 万个 LSTM 权重，却只做约
  330 万次乘加：每取一个权重只算一次乘加，所以每一步都在等内存而不是等计算，每步的固定开销（启动计算核、
  Python 调用）占比也很大。生成 300 个字符，就要连续走 300 个这样的步骤。
- **训练同样是串行的。** 随时间反向传播要沿相同的步骤倒着走一遍，并保存每一步的激活值，所以长文本要切成窗口来
  训练（截断的随时间反向传播）。

相比之下，GAN 的生成器一次前向传播就能画出一整个数字，甚至一整批数字。""",
    ),
    "theory.go.rcgan": (
        "Show me: an LSTM that draws a digit",
        "演示：一个逐行画数字的 LSTM",
    ),
    "theory.sequence_gan": (
        """## GANs for sequences: when the generator is an LSTM
A GAN's generator can be any network that turns noise into a sample, so it can be recurrent. The
**RCGAN** (Esteban, Hyland & Rätsch 2017) is an LSTM that, at every step, reads the noise *z* and the
condition (here the digit) and writes the next element of the sequence: in the "LSTM draws a digit"
tab, one 28-pixel row per step, with the row it just wrote fed back in. Why an LSTM: the sample is
built in order, so its memory (the cell state) carries what has been drawn so far, and the same
weights serve every step. **What the discriminator sees:** either the finished sequence (our tab's
discriminator is a CNN that judges the whole image, because it trained far better here) or the
sequence step by step, with a verdict after each element (an LSTM discriminator).

**Keeping it diverse.** Our first recurrent GAN drew nearly the same digit for every seed (its
diversity was 0.32 of real digits'): *z* was only one input among many, and the LSTM learnt to
ignore it — mode collapse inside each digit. Three changes brought it to 1.04: the LSTM's memory
starts from a state computed from *z*; D sees how much the images of a batch differ (the *minibatch
standard deviation*, Karras et al. 2018), so a batch of look-alikes is easy to call fake; and G is
rewarded for drawing different digits from different *z* (a *mode-seeking* term, Mao et al. 2019).

**Why GANs for text are hard.** Text is a sequence of *discrete* tokens: the generator samples a word
from its softmax, and sampling is not differentiable, so D's gradient cannot flow back through the
chosen word into G. Continuous pixel rows do not have this problem. **SeqGAN** (Yu et al. 2017) treats
G as a reinforcement-learning policy: D's verdict on the finished sentence is the reward, partial
sentences are scored by completing them with Monte-Carlo rollouts, and G is trained with the policy
gradient (REINFORCE). Others relax the sampling (Gumbel-softmax) or train on G's hidden states.""",
        """## 序列 GAN：当生成器是一个 LSTM
GAN 的生成器可以是任何把噪声变成样本的网络，所以它也可以是循环网络。**RCGAN**（Esteban、Hyland 与 Rätsch
2017）是一个 LSTM：每一步读入噪声 *z* 和条件（这里是数字），写出序列的下一个元素。在"LSTM 逐行画数字"
标签页中，它每一步写出一行 28 个像素，并把刚写出的那一行再送回输入。为什么用 LSTM：样本是按顺序构建的，
它的记忆（细胞状态）记录着已经画了什么，同一组权重服务于每一步。**判别器看到什么**：要么是完整的序列（我们这个
标签页的判别器是一个评判整幅图像的 CNN，因为它在这里训练效果好得多），要么是逐步读入的序列，每读一个元素给出
一次判断（LSTM 判别器）。

**保持多样性**。我们的第一个循环 GAN 对每个种子画出的几乎是同一个数字（多样性只有真实数字的 0.32）：*z* 只是众多输入之一，
LSTM 学会了忽略它——这是每个数字内部的模式崩溃。三处改动把多样性提高到 1.04：LSTM 的记忆从一个由 *z* 算出的状态开始；
D 能看到一批图像彼此相差多少（*小批量标准差*，Karras 等 2018），一批长得差不多的图像很容易被判为假；
G 因为用不同的 *z* 画出不同的数字而得到奖励（*寻模*项，Mao 等 2019）。

**为什么文本 GAN 很难**。文本是由*离散*的词元组成的序列：生成器从 softmax 中采样一个词，而采样不可微，
所以 D 的梯度无法穿过被选中的词传回 G。连续的像素行没有这个问题。**SeqGAN**（Yu 等 2017）把 G 当作强化学习中的
策略：D 对完整句子的判断就是奖励，未完成的句子通过蒙特卡洛展开补全后再打分，G 用策略梯度（REINFORCE）训练。
也有方法把采样松弛为可微的形式（Gumbel-softmax），或者在 G 的隐藏状态上训练。""",
    ),
    "theory.references": (
        """### References
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
- Esteban, Hyland & Rätsch 2017, *Real-valued (Medical) Time Series Generation with Recurrent Conditional GANs*, [arXiv:1706.02633](https://arxiv.org/abs/1706.02633)
- Yu et al. 2017, *SeqGAN: Sequence Generative Adversarial Nets with Policy Gradient*, [arXiv:1609.05473](https://arxiv.org/abs/1609.05473)
- Karras et al. 2018, *Progressive Growing of GANs* (minibatch standard deviation), [arXiv:1710.10196](https://arxiv.org/abs/1710.10196)
- Mao et al. 2019, *Mode Seeking GANs for Diverse Image Synthesis*, [arXiv:1903.05628](https://arxiv.org/abs/1903.05628)
- Hochreiter & Schmidhuber 1997, *Long Short-Term Memory*, [doi:10.1162/neco.1997.9.8.1735](https://doi.org/10.1162/neco.1997.9.8.1735)
- Gers, Schmidhuber & Cummins 2000, *Learning to Forget*, [doi:10.1162/089976600300015015](https://doi.org/10.1162/089976600300015015)
- PyTorch, [`torch.nn.LSTM`](https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html)""",
        """### 参考文献
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
- Esteban, Hyland & Rätsch 2017，*Real-valued (Medical) Time Series Generation with Recurrent Conditional GANs*，[arXiv:1706.02633](https://arxiv.org/abs/1706.02633)
- Yu 等 2017，*SeqGAN: Sequence Generative Adversarial Nets with Policy Gradient*，[arXiv:1609.05473](https://arxiv.org/abs/1609.05473)
- Karras 等 2018，*Progressive Growing of GANs*（小批量标准差），[arXiv:1710.10196](https://arxiv.org/abs/1710.10196)
- Mao 等 2019，*Mode Seeking GANs for Diverse Image Synthesis*，[arXiv:1903.05628](https://arxiv.org/abs/1903.05628)
- Hochreiter & Schmidhuber 1997，*Long Short-Term Memory*，[doi:10.1162/neco.1997.9.8.1735](https://doi.org/10.1162/neco.1997.9.8.1735)
- Gers, Schmidhuber & Cummins 2000，*Learning to Forget*，[doi:10.1162/089976600300015015](https://doi.org/10.1162/089976600300015015)
- PyTorch，[`torch.nn.LSTM`](https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html)""",
    ),
    "theory.go.collapsed": (
        "Show me: a digit GAN that collapsed →",
        "带我去看：一个发生模式崩溃的数字 GAN →",
    ),
}
