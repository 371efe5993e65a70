"""UI texts of the recurrent-GAN tab (ui/rcgan.py).

Each key maps to (English, Simplified Chinese), side by side; ui/i18n.py builds the app's I18N from them.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "rcgan.tab": (
        "LSTM draws a digit",
        "LSTM 逐行画数字",
    ),
    "rcgan.intro": (
        """### An LSTM generator: a digit one row at a time
The generator is a **recurrent** network (an LSTM, the RCGAN idea of Esteban et al. 2017): at each
of 28 steps it reads the noise *z*, the digit you asked for and which row it is on, updates its
memory (the **cell state**), and writes one row of 28 pixels. Its memory starts from a state computed
from *z* and the digit, so the style is chosen before the first row. A discriminator trained against it
judged the finished digits. Pick a digit and a seed and watch it draw; the same *z* goes into the
convolutional DCGAN of the GAN tab, shown beside it.""",
        """### LSTM 生成器：一次写一行的数字
这里的生成器是一个**循环**网络（LSTM，即 Esteban 等人 2017 年提出的 RCGAN 思路）：在 28 个时间步中，它每一步读入噪声
*z*、你要的数字以及当前是第几行，更新自己的记忆（**细胞状态**），然后写出一行 28 个像素。它的记忆从一个由 *z* 和数字算出的状态开始，
所以在写第一行之前风格就已选定。与它一同训练的判别器评判画完的数字。
选一个数字和随机种子，看它一行一行地画出来；同一个 *z* 也送进 GAN 标签页里的卷积 DCGAN，结果显示在旁边。""",
    ),
    "rcgan.digit": (
        "Digit",
        "数字",
    ),
    "rcgan.draw": (
        "Draw row by row",
        "逐行绘制",
    ),
    "rcgan.image": (
        "The LSTM's digit (grey: rows not written yet)",
        "LSTM 画的数字（灰色：尚未写出的行）",
    ),
    "rcgan.dcgan_image": (
        "The DCGAN's digit from the same z",
        "DCGAN 用同一个 z 画的数字",
    ),
    "rcgan.verdict": (
        "The discriminator's verdict on the LSTM's digit",
        "判别器对 LSTM 所画数字的判断",
    ),
    "rcgan.quantity": (
        "Inside the LSTM: show",
        "LSTM 内部：显示",
    ),
    "rcgan.quantity.c": (
        "cell state c (tanh)",
        "细胞状态 c（tanh）",
    ),
    "rcgan.quantity.f": (
        "forget gate f",
        "遗忘门 f",
    ),
    "rcgan.quantity.i": (
        "input gate i",
        "输入门 i",
    ),
    "rcgan.quantity.o": (
        "output gate o",
        "输出门 o",
    ),
    "rcgan.quantity.h": (
        "hidden state h",
        "隐藏状态 h",
    ),
    "rcgan.inside": (
        "Gates and cell state over the 28 rows (columns: rows of the image, top to bottom)",
        "28 行中的门与细胞状态（列：图像的行，从上到下）",
    ),
    "rcgan.inside_help": (
        """**What to look for.** Each line is one memory unit of the LSTM (the 16 whose cell state
changes most while this digit is drawn); each column is one row of the image. Orange is high, blue
low (gates: orange = open, blue = closed). Units whose **cell state** flips where the stroke starts
or ends keep track of *where the pen is*; a **forget gate** that stays orange carries the memory
from row to row; the **input gate** opens where something new must be written. Compare two seeds
of the same digit: the units that differ are where the style lives.""",
        """**看什么。** 每一行是 LSTM 的一个记忆单元（画这个数字时细胞状态变化最大的 16 个），每一列是图像的一行。橙色表示高、
蓝色表示低（对门来说：橙色 = 打开，蓝色 = 关闭）。**细胞状态**在笔画开始或结束处翻转的单元，记录着*笔写到了哪里*；
一直保持橙色的**遗忘门**把记忆一行一行地带下去；**输入门**在需要写入新内容的地方打开。比较同一个数字的两个种子：
不同的那些单元，就是书写风格所在。""",
    ),
    # ---------------------------------------------------------------- written by the handlers at run time
    "rcgan.caption.row": (
        "Digit **{digit}**, seed **{seed}**: row {row} of {count}.",
        "数字 **{digit}**，种子 **{seed}**：第 {row} 行，共 {count} 行。",
    ),
    "rcgan.caption.done": (
        "Digit **{digit}**, seed **{seed}**: all {count} rows written. The discriminator gives it **{real}** real.{belief} "
        "Right: the DCGAN's digit from the same z.",
        "数字 **{digit}**，种子 **{seed}**：{count} 行全部写完。判别器认为它有 **{real}** 是真实的。{belief}"
        "右边：DCGAN 用同一个 z 画出的数字。",
    ),
    "rcgan.belief": (
        " D's belief after rows 1, 5, 9, …: {marks}.",
        " D 在第 1、5、9……行之后的判断：{marks}。",
    ),
    "rcgan.inside.caption": (
        "`{quantity}` of {units} units while writing digit {digit} (seed {seed}); row numbers mod 10.",
        "写数字 {digit}（种子 {seed}）时 {units} 个单元的 `{quantity}`；行号取个位数。",
    ),
    "rcgan.error.quantity": (
        "Show must be one of {choices}, got {value}.",
        "“显示”必须是 {choices} 之一，收到的是 {value}。",
    ),
}
