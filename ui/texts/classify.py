"""UI texts of the LSTM sequence classification tab (ui/lstm_classify.py).

Each key maps to (English, Simplified Chinese), side by side; ui/i18n.py builds the app's I18N from them.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "classify.tab": (
        "LSTM sequence classification",
        "LSTM 序列分类",
    ),
    "classify.intro": (
        """### Reading a sequence to a verdict
An LSTM reads the input one step at a time (a word of a sentence, a character of a name) and keeps
a running summary in its memory. After **every** step a small classifier reads that summary, so you
can watch the belief change as the model reads: which word tipped the sentence, which letters gave
the name away. The verdict is simply the belief after the last step.""",
        """### 读完一个序列，得出结论
LSTM 一步一步地读取输入（句子中的一个词，或名字中的一个字符），并在记忆中保留一份不断更新的摘要。**每**读一步，
都有一个小分类器读取这份摘要，所以你可以看到模型的判断在阅读过程中如何变化：哪个词扭转了整句话，哪些字母暴露了
这个姓氏的来源。最终结论就是读完最后一步之后的判断。""",
    ),
    "classify.sentiment.tab": (
        "Sentiment of a sentence",
        "句子的情感",
    ),
    "classify.sentence": (
        "Sentence",
        "句子",
    ),
    "classify.button": (
        "Classify",
        "分类",
    ),
    "classify.sentiment.examples": (
        "Try negation and contrast",
        "试试否定和转折",
    ),
    "classify.verdict": (
        "Verdict",
        "结论",
    ),
    "classify.belief": (
        "Belief after each word",
        "读完每个词后的判断",
    ),
    "classify.moved": (
        "How much each word moved the belief (warm = toward positive, cool = toward negative)",
        "每个词让判断移动了多少（暖色 = 偏向正面，冷色 = 偏向负面）",
    ),
    "classify.trace.accordion": (
        "The trace as data",
        "追踪数据",
    ),
    "classify.trace": (
        "trace",
        "追踪记录",
    ),
    "classify.name.tab": (
        "Language of a name",
        "姓氏的语言",
    ),
    "classify.surname": (
        "Surname",
        "姓氏",
    ),
    "classify.name.examples": (
        "Examples",
        "示例",
    ),
    "classify.top3": (
        "Top 3 languages",
        "最可能的 3 种语言",
    ),
    "classify.name.belief": (
        "Belief after each character (the final top 3)",
        "读完每个字符后的判断（最终排名前 3 的语言）",
    ),
}
