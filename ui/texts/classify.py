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
        "Try negation and contrast (the model reads English)",
        "试试否定和转折（模型只读英文句子）",
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
    # ---------------------------------------------------------------- written by the handlers at run time
    "classify.label.positive": ("positive", "积极"),
    "classify.label.negative": ("negative", "消极"),
    "classify.label.Arabic": ("Arabic", "阿拉伯语"),
    "classify.label.Chinese": ("Chinese", "汉语"),
    "classify.label.Czech": ("Czech", "捷克语"),
    "classify.label.Dutch": ("Dutch", "荷兰语"),
    "classify.label.English": ("English", "英语"),
    "classify.label.French": ("French", "法语"),
    "classify.label.German": ("German", "德语"),
    "classify.label.Greek": ("Greek", "希腊语"),
    "classify.label.Irish": ("Irish", "爱尔兰语"),
    "classify.label.Italian": ("Italian", "意大利语"),
    "classify.label.Japanese": ("Japanese", "日语"),
    "classify.label.Korean": ("Korean", "韩语"),
    "classify.label.Polish": ("Polish", "波兰语"),
    "classify.label.Portuguese": ("Portuguese", "葡萄牙语"),
    "classify.label.Russian": ("Russian", "俄语"),
    "classify.label.Scottish": ("Scottish", "苏格兰语"),
    "classify.label.Spanish": ("Spanish", "西班牙语"),
    "classify.label.Vietnamese": ("Vietnamese", "越南语"),
    "classify.note.unknown_words": (
        "{count} word(s) not in the vocabulary, read as &lt;unk&gt;: {shown}",
        "{count} 个词不在词表中，按 &lt;unk&gt;（未知词）读取：{shown}",
    ),
    "classify.note.unknown_chars": (
        "dropped {count} character(s) the model never saw: {shown}",
        "略去了 {count} 个模型从未见过的字符：{shown}",
    ),
    "classify.note.cut": (
        "input cut to its first {limit} steps (of {total})",
        "输入被截断，只读取前 {limit} 步（共 {total} 步）",
    ),
    "classify.caveat.few_words": (
        "⚠️ **Read with care:** the model knows only {known} of the {total} words here, so this verdict is close to a guess.",
        "⚠️ **请谨慎看待：** 这里的 {total} 个词中模型只认识 {known} 个，所以这个结论接近于猜测。",
    ),
    "classify.caveat.alphabet": (
        "⚠️ **Read with care:** some characters are outside the alphabet the model learned and were left out; it read only “{read}”.",
        "⚠️ **请谨慎看待：** 有些字符不在模型学过的字母表中，已被略去；它只读到了“{read}”。",
    ),
    "classify.caveat.short": (
        "⚠️ **Read with care:** one or two letters say little about a name's language.",
        "⚠️ **请谨慎看待：** 一两个字母很难说明一个姓名属于哪种语言。",
    ),
    "classify.error.empty": ("Nothing to classify: {reason}", "没有可分类的内容：{reason}"),
    "classify.error.nothing_left": ("no word or letter the model can read", "没有模型能读取的词或字母"),
    "classify.axis.word": ("word read", "读到的词"),
    "classify.axis.p_positive": ("P(positive)", "P（积极）"),
    "classify.axis.character": ("character read", "读到的字符"),
    "classify.axis.probability": ("probability", "概率"),
    "classify.axis.language": ("language", "语言"),
}
