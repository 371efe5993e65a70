"""UI texts of the Lesson tab (ui/lesson.py).

Each key maps to (English, Simplified Chinese), side by side; ui/i18n.py builds the app's I18N from them.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "lesson.tab": (
        "Lesson",
        "导学课程",
    ),
    "lesson.intro": (
        """### A guided lesson: GANs and LSTMs in 10 steps
Each step names a tab and a control. **Predict first** (say it or write it down), then try it, then
open **Reveal**. **Show me →** jumps to the tab; come back with the *Lesson* tab.""",
        """### 导学课程：10 步认识 GAN 和 LSTM
每一步都会指明要用的标签页和控件。**先预测**（说出来或写下来），再动手试，最后点开**揭晓答案**。
**带我去看 →** 会跳转到对应的标签页；看完后点“导学课程”标签页回到这里。""",
    ),
    "lesson.reveal": (
        "Reveal",
        "揭晓答案",
    ),
    "lesson.back": (
        "← Back",
        "← 上一步",
    ),
    "lesson.next": (
        "Next →",
        "下一步 →",
    ),
    "lesson.step1.title": (
        "1 · Noise → digit",
        "1 · 从噪声到数字",
    ),
    "lesson.step1.task": (
        """**GAN tab, Explore.** Keep the digit fixed and press **🎲 New seed** a few times.

*Predict:* will the digit turn into a different number, or change only its style?""",
        """**GAN 标签页 → 探索。** 保持数字不变，点几次 **🎲 换个种子**。

*预测*：数字会变成另一个数，还是只有书写风格在变？""",
    ),
    "lesson.step1.answer": (
        """Only its style: slant, stroke width, loops. The label *y* tells G **which** digit to draw; the
noise *z*, picked by the seed, tells it **how**. Each seed is a different point of latent space.""",
        """只有风格在变：倾斜、笔画粗细、圈的形状。标签 *y* 告诉 G 画**哪个**数字；由种子决定的噪声 *z* 告诉它
**怎么**画。每个种子都对应潜在空间中的一个不同的点。""",
    ),
    "lesson.step2.title": (
        "2 · Truncation",
        "2 · 截断",
    ),
    "lesson.step2.task": (
        """**GAN tab, Explore.** Before you move **Truncation ψ** to 0, predict: will the digits you get
from different seeds become **more** or **less** varied? And at ψ = 1.5?""",
        """**GAN 标签页 → 探索。** 在把 **截断 ψ** 拖到 0 之前先预测：不同种子生成的数字会变得**更**多样
还是**更不**多样？ψ = 1.5 时又会怎样？""",
    ),
    "lesson.step2.answer": (
        """**Less** varied. ψ shrinks *z* toward the average: at ψ = 0 every seed gives the same
“average” digit; at ψ = 1 you see the full variety G was trained on; above 1 you leave the region G saw
in training and get more unusual, and more often broken, digits. Truncation trades variety for
typicality.""",
        """**更不**多样。ψ 把 *z* 向平均值收缩：ψ = 0 时每个种子都给出同一个“平均”数字；ψ = 1 时能看到 G 在训练中
学到的全部多样性；大于 1 时就离开了 G 在训练中见过的区域，会得到更不寻常、也更常出错的数字。截断是在多样性
与典型性之间做取舍。""",
    ),
    "lesson.step3.title": (
        "3 · Latent walk",
        "3 · 潜在空间漫步",
    ),
    "lesson.step3.task": (
        """**GAN tab, Interpolate** (start 3, end 8): press **Interpolate**.

*Predict:* will the middle frames blend smoothly, or will the image jump from 3 to 8 at one frame?""",
        """**GAN 标签页 → 插值**（起始数字 3，终点数字 8）：点击 **开始插值**。

*预测*：中间的帧会平滑过渡，还是图像会在某一帧突然从 3 跳到 8？""",
    ),
    "lesson.step3.answer": (
        """They blend: G is a continuous function of *z* and of the label, so small steps in its input give
small changes in the image. The middle frames may be shapes that are neither 3 nor 8: G never saw a
half-3, half-8 label in training, and D's verdict often drops there.""",
        """平滑过渡：G 是 *z* 和标签的连续函数，输入变化一小步，图像也只变化一点。中间的帧可能既不像 3 也不像 8：
G 在训练中从没见过“一半是 3、一半是 8”的标签，D 的判断在这些帧上也常常下降。""",
    ),
    "lesson.step4.title": (
        "4 · Two players",
        "4 · 两个玩家",
    ),
    "lesson.step4.task": (
        """**Watch it learn → A GAN in 2-D**, default preset: press **Start**.

*Predict:* as training goes on, will D's loss fall to zero?""",
        """**实时训练 → 二维 GAN**，使用默认预设：点击 **开始**。

*预测*：随着训练进行，D 的损失会降到 0 吗？""",
    ),
    "lesson.step4.answer": (
        """No. It falls at first, then both curves hover: whenever D gets better, G follows. With the
non-saturating loss, a D that can no longer tell real from fake (D = ½ everywhere) has loss
2·ln 2 ≈ 1.39. A GAN's losses do not say how good the samples are: watch the points and the MMD² curve.""",
        """不会。它一开始下降，随后两条曲线都在某个水平附近波动：D 每变强一点，G 就跟上一点。使用非饱和损失时，
如果 D 已经分不清真假（处处 D = ½），它的损失是 2·ln 2 ≈ 1.39。GAN 的损失并不能说明样本好不好：要看
点的分布和 MMD² 曲线。""",
    ),
    "lesson.step5.title": (
        "5 · Mode collapse",
        "5 · 模式崩溃",
    ),
    "lesson.step5.task": (
        """**Watch it learn**, preset **Mode collapse: minimax, G learns 10× faster than D**: press
**Start**.

*Predict:* will the orange points cover all eight blobs of the ring?""",
        """**实时训练**，选择预设 **模式崩溃：极小极大损失，G 的学习速度是 D 的 10 倍**：点击 **开始**。

*预测*：橙色的点会覆盖圆环上全部八个团块吗？""",
    ),
    "lesson.step5.answer": (
        """No: they gather on one or a few blobs and hop between them. G finds what fools the current D;
D catches up and rejects it; G jumps elsewhere. That is **mode collapse**. The next preset, with 5 D
steps per G step, lets D keep up. The same happens to image GANs: the second button opens the GAN tab's Grid,
where **Same digits and seeds from a collapsed GAN** shows a digit GAN trained the naive way beside ours.""",
        """不会：它们聚到一个或少数几个团块上，并在团块之间来回跳。G 找到能骗过当前 D 的位置；D 追上来并拒绝它；
G 又跳到别处。这就是**模式崩溃**。下一个预设让 D 在 G 每更新一次时更新 5 次，使 D 能跟得上。图像 GAN 也会这样：第二个按钮打开 GAN 标签页的“网格”，点击 **用发生模式崩溃的 GAN 生成同样的数字和种子**，就能看到一个按朴素方法训练的数字 GAN 和我们的模型并排。""",
    ),
    "lesson.step6.title": (
        "6 · Steadier",
        "6 · 更平稳的博弈",
    ),
    "lesson.step6.task": (
        """**Watch it learn**, preset **Fixed with WGAN-GP**: press **Start** (twice: it needs more steps).

*Predict:* compared with step 5, will the MMD² curve fall more steadily or more erratically?""",
        """**实时训练**，选择预设 **用 WGAN-GP 修正**：点击 **开始**（点两次，它需要更多步数）。

*预测*：与第 5 步相比，MMD² 曲线会下降得更平稳，还是更不稳定？""",
    ),
    "lesson.step6.answer": (
        """More steadily. The WGAN-GP critic estimates the Wasserstein distance, which still gives G useful
gradients when its points sit far from the data, and the gradient penalty keeps the critic from getting
too steep. Its loss is not a probability and can be negative. The formulas are in the Theory tab.""",
        """更平稳。WGAN-GP 的评论家估计的是 Wasserstein 距离，即使 G 的点离数据很远，也能给 G 提供有用的梯度；
梯度惩罚则防止评论家变得过于陡峭。它的损失不是概率，可以是负数。公式见“原理”标签页。""",
    ),
    "lesson.step7.title": (
        "7 · Temperature",
        "7 · 温度",
    ),
    "lesson.step7.task": (
        """**LSTM text generation.** Generate 300 characters at **Temperature** 0, then at 1.5, with
the same prompt.

*Predict:* which one will repeat itself, and which will invent words?""",
        """**LSTM 文本生成。** 用同一个提示词，先以 **温度** 0 生成 300 个字符，再以 1.5 生成一次。

*预测*：哪一次会不断重复自己，哪一次会编造出不存在的单词？""",
    ),
    "lesson.step7.answer": (
        """Temperature 0 always takes the likeliest character and soon falls into a loop. At 1.5 the
probabilities are flattened, unlikely characters get picked and the spelling falls apart. Around
0.7–0.9 reads best. The model is the same each time: only the sampling changed.""",
        """温度为 0 时，模型总是选择最可能的字符，很快就陷入循环。温度为 1.5 时，概率分布被拉平，不太可能的字符
也会被选中，拼写随之崩坏。0.7–0.9 左右读起来最好。每次用的都是同一个模型：变的只是采样方式。""",
    ),
    "lesson.step8.title": (
        "8 · The forget gate",
        "8 · 遗忘门",
    ),
    "lesson.step8.task": (
        """**LSTM text generation → Inside the LSTM.** Generate a few lines, choose **Show: forget gate
f**, layer 2.

*Predict:* where in the text will some forget gates drop toward 0?""",
        """**LSTM 文本生成 → LSTM 的内部。** 生成几行文字，在 **显示** 中选择 **遗忘门 f**，层选第 2 层。

*预测*：在文本的哪些位置，某些遗忘门会降向 0？""",
    ),
    "lesson.step8.answer": (
        """Look just after the newlines (⏎) and around the speakers' names (“ROMEO:”). A forget gate near 0
erases its unit's cell: the model drops what it no longer needs, such as where it was inside the line
that just ended. Other units keep f ≈ 1 for long stretches: those are long-term memories. Not every unit
does this; the heatmap shows the ones that change most.""",
        """看换行符（⏎）之后和说话人名字（“ROMEO:”）附近。遗忘门接近 0 时，会擦除该单元的细胞状态：模型丢掉不再
需要的信息，比如刚结束的那一行里写到了哪个位置。另一些单元则长时间保持 f ≈ 1：它们是长期记忆。并不是每个
单元都这样；热力图显示的是变化最大的那些单元。""",
    ),
    "lesson.step9.title": (
        "9 · A verdict",
        "9 · 得出结论",
    ),
    "lesson.step9.task": (
        """**LSTM sequence classification.** Classify *The movie was good.*, then *The movie was not
good.*

*Predict:* will the word “good” move the belief the same way in both sentences?""",
        """**LSTM 序列分类。** 先对 *The movie was good.* 分类，再对 *The movie was not good.*
分类。

*预测*：“good”这个词在两个句子里对判断的影响会一样吗？""",
    ),
    "lesson.step9.answer": (
        """Not at all: the opposite way. In the first sentence “good” lifts P(positive) sharply. In the
second, “not” has already pulled the belief a little down, and then the same word “good” pushes it
far down: the LSTM still carries “not” in its memory when it reads “good”. Try *not bad at all*: there
“bad” lifts the belief. The verdict is simply the belief after the last word. Negation is hard for
small models: if this one gets other sentences wrong, that is a finding too.""",
        """完全不一样，方向正好相反。在第一句中，“good”让 P(positive) 大幅上升；在第二句中，“not”先把判断
略微拉低，接着同一个词“good”却把它大幅压低：LSTM 读到“good”时，记忆里还带着“not”。再试试
*not bad at all*：这时“bad”反而让判断上升。最终结论就是读完最后一个词之后的判断。否定对小模型来说很难：
如果它在别的句子上判断错了，那也是一个发现。""",
    ),
    "lesson.step10.title": (
        "10 · LSTM learns",
        "10 · LSTM 在学习",
    ),
    "lesson.step10.task": (
        """**Watch it learn → A char-LSTM learns a text**: press **Train**.

*Predict:* what will the first samples look like, and what appears first: whole words, spaces, or
punctuation?""",
        """**实时训练 → 字符级 LSTM 学习一段文本**：点击 **训练**。

*预测*：最初的样本会是什么样子？最先学会的是完整的单词、空格，还是标点？""",
    ),
    "lesson.step10.answer": (
        """Random characters first; then the common letters, then spaces at about word-length intervals,
then short common words. The loss falls fast, then slowly. A last contrast: the GAN drew a whole digit in
one forward pass, while the LSTM writes one character after another. That is why LSTMs are slow on long
sequences (Theory tab).""",
        """一开始是随机字符；接着是常见字母，然后是间隔大致等于单词长度的空格，再然后是常见的短单词。损失先快速
下降，后来变慢。最后做个对比：GAN 一次前向传播就画出整个数字，而 LSTM 必须一个字符接一个字符地写。这就是
LSTM 处理长序列很慢的原因（见“原理”标签页）。""",
    ),
    "lesson.jump": ("Go to step", "跳到某一步"),
}
