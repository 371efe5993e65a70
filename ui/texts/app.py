"""UI texts of the app header, texts shared by several tabs (common.*) and the About panel.

Each key maps to (English, Simplified Chinese), side by side; ui/i18n.py builds the app's I18N from them.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "app.header": (
        """# GAN & LSTM Lab
Play with real, pretrained models to see how a **generative adversarial network** draws and how an
**LSTM** reads and writes. Every control is also an API endpoint (see “Use via API” at the bottom).""",
        """# GAN 与 LSTM 实验室
动手玩真实的预训练模型，看看 **生成对抗网络（GAN）** 如何作画，**长短期记忆网络（LSTM）** 如何读写。每个控件
同时也是一个 API 端点（见页面底部的“通过 API 使用”）。""",
    ),
    "common.seed": (
        "Seed",
        "随机种子",
    ),
    "common.new_seed": (
        "🎲 New seed",
        "🎲 换个种子",
    ),
    "common.stop": (
        "Stop",
        "停止",
    ),
    "common.loading": (
        "Loading…",
        "加载中…",
    ),
    "about.accordion": (
        "Where the models come from",
        "模型从哪里来",
    ),
    # Gradio's status tracker asks for these keys and has no text of its own for them
    "common.complete": ("Complete", "完成"),
    "common.error": ("Error", "错误"),
    "common.copied": ("✓ Link copied to the clipboard", "✓ 链接已复制到剪贴板"),
}
