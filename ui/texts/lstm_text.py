"""UI texts of the LSTM text generation tab (ui/lstm_text.py).

Each key maps to (English, Simplified Chinese), side by side; ui/i18n.py builds the app's I18N from them.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "lstm.tab": (
        "LSTM text generation",
        "LSTM 文本生成",
    ),
    "lstm.intro": (
        """### A character-level LSTM that writes Shakespeare
The model reads one character at a time and, after each one, guesses the next. Type the start of
a line: it continues by **sampling** from its guess, character after character. **Temperature**
sharpens (< 1) or flattens (> 1) the guess (0 = always the likeliest); **top-k** keeps only the k
likeliest characters; **top-p** keeps the smallest set holding p of the probability.""",
        """### 会写莎士比亚的字符级 LSTM
模型每次读一个字符，每读一个就猜下一个是什么。输入一行的开头：它会从自己的猜测中**采样**，一个字符接一个字符地
续写下去。**温度** 让猜测更尖锐（< 1）或更平坦（> 1）（0 = 总是取最可能的字符）；**top-k** 只保留最可能的 k 个
字符；**top-p** 只保留概率之和达到 p 的最小字符集合。""",
    ),
    "lstm.prompt": (
        "Prompt",
        "提示词",
    ),
    "lstm.length": (
        "Characters to generate",
        "生成字符数",
    ),
    "lstm.temperature": (
        "Temperature",
        "温度",
    ),
    "lstm.top_k": (
        "Top-k (0 = off)",
        "Top-k（0 = 关闭）",
    ),
    "lstm.top_p": (
        "Top-p (1 = off)",
        "Top-p（1 = 关闭）",
    ),
    "lstm.generate": (
        "Generate",
        "生成",
    ),
    "lstm.link": (
        "🔗 Link to this text",
        "🔗 链接到这段文字",
    ),
    "lstm.link_box": (
        "Permalink: opens this tab with these settings (the same text)",
        "永久链接：用这些设置打开本标签页（得到同一段文字）",
    ),
    "lstm.output": (
        "Generated text (streamed)",
        "生成的文本（流式输出）",
    ),
    "lstm.confidence": (
        "How sure it was of each character it wrote (more colour = surer)",
        "它对写出的每个字符有多确定（颜色越深 = 越确定）",
    ),
    "lstm.inside": (
        """### Inside the LSTM
At every character each LSTM unit computes an **input gate** i, a **forget gate** f, an
**output gate** o (each between 0 and 1) and a **candidate** g, then updates its memory
**c = f·c + i·g** and shows **h = o·tanh(c)**. The heatmap shows the units whose value changes most
over the text (orange = high, blue = low; gates are drawn from 0 = blue to 1 = orange).
*What to look for:* forget gates that dip right after a newline (⏎), cells that switch at a colon
or stay high inside a line and reset at its end.""",
        """### LSTM 的内部
每读一个字符，每个 LSTM 单元都会计算 **输入门** i、**遗忘门** f、**输出门** o（都在 0 到 1 之间）和 **候选值** g，
然后更新它的记忆 **c = f·c + i·g**，并输出 **h = o·tanh(c)**。热力图显示的是在整段文本上数值变化最大的那些单元
（橙色 = 高，蓝色 = 低；门的取值从 0 = 蓝色到 1 = 橙色）。*看点：* 换行符（⏎）之后立刻下降的遗忘门；在冒号处
切换、或在一行之内保持高值并在行尾复位的细胞状态。""",
    ),
    "lstm.inspect": (
        "Text to look inside (the generated text lands here; or paste your own)",
        "要观察内部的文本（生成的文本会放到这里；也可以粘贴你自己的）",
    ),
    "lstm.layer": (
        "Layer",
        "层",
    ),
    "lstm.layer1": (
        "Layer 1",
        "第 1 层",
    ),
    "lstm.layer2": (
        "Layer 2",
        "第 2 层",
    ),
    "lstm.show": (
        "Show",
        "显示",
    ),
    "lstm.quantity.f": (
        "forget gate f",
        "遗忘门 f",
    ),
    "lstm.quantity.i": (
        "input gate i",
        "输入门 i",
    ),
    "lstm.quantity.o": (
        "output gate o",
        "输出门 o",
    ),
    "lstm.quantity.g": (
        "candidate g",
        "候选值 g",
    ),
    "lstm.quantity.c": (
        "cell state c",
        "细胞状态 c",
    ),
    "lstm.quantity.h": (
        "hidden state h",
        "隐藏状态 h",
    ),
    "lstm.analyse": (
        "Analyse",
        "分析",
    ),
    "lstm.expected": (
        "How expected each character was before the model read it (more colour = more expected)",
        "模型读到每个字符之前对它的预期程度（颜色越深 = 越在意料之中）",
    ),
    "lstm.heatmap": (
        "Heatmap",
        "热力图",
    ),
    "lstm.unit": (
        "Unit to colour the text by",
        "按哪个单元给文本着色",
    ),
    "lstm.unit_view": (
        "The text coloured by this unit (warm = high, cool = low)",
        "按这个单元的值着色的文本（暖色 = 高，冷色 = 低）",
    ),
    "lstm.position": (
        "Position in the text",
        "文本中的位置",
    ),
    "lstm.candidates": (
        "Its 5 likeliest next characters",
        "它认为最可能的 5 个下一个字符",
    ),
    # ---------------------------------------------------------------- written by the handlers at run time
    "lstm.note.dropped": (
        "Characters the model never saw in training were left out: {shown}",
        "模型在训练中从未见过的字符已被略去：{shown}",
    ),
    "lstm.note.respelled": (
        "Some characters were spelled with the model's alphabet (e.g. curly quotes, accents).",
        "有些字符已改写成模型字母表中的字符（例如弯引号、带重音的字母）。",
    ),
    "lstm.note.prompt_cut": (
        "Only the last {limit} prompt characters are read.",
        "只读取提示词的最后 {limit} 个字符。",
    ),
    "lstm.note.time_limit": (
        "Stopped after {seconds} s with {written} of {length} characters: the server is busy, try again in a moment.",
        "{seconds} 秒后停止，已写出 {length} 个字符中的 {written} 个：服务器正忙，请稍后再试。",
    ),
    "lstm.error.quantity": (
        "Quantity must be one of {choices}, got {value}.",
        "“显示”必须是 {choices} 之一，收到的是 {value}。",
    ),
    "lstm.error.too_short": (
        "Give at least two characters the model knows to look inside it.",
        "请至少输入两个模型认识的字符，才能查看它的内部。",
    ),
    "lstm.error.no_text": ("Generate or paste some text first.", "请先生成或粘贴一些文字。"),
    "lstm.heatmap.caption": (
        "{quantity}, layer {layer}: the {units} units that vary most over the text, first {chars} characters. "
        "Text below coloured by unit {first}.",
        "{quantity}，第 {layer} 层：在这段文字上变化最大的 {units} 个单元，前 {chars} 个字符。下方文字按单元 {first} 着色。",
    ),
    "lstm.candidates.caption": (
        "After reading …`{read}` (character {position} of {length}):",
        "读到 …`{read}` 之后（第 {position} 个字符，共 {length} 个）：",
    ),
}
