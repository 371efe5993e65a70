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

# Run-time texts of every tab: validation messages (ui/validation.py) and the controls they name.
ERRORS: dict[str, tuple[str, str]] = {
    "permalink.skipped": (
        "Some settings in the link were not valid and were left as they were: {skipped}",
        "链接中的部分设置无效，已保持原样：{skipped}",
    ),
    "error.whole": (
        "{name} must be a whole number from {low} to {high}, got {value}.",
        "{name}必须是 {low} 到 {high} 之间的整数，收到的是 {value}。",
    ),
    "error.int_range": (
        "{name} must be from {low} to {high}, got {value}.",
        "{name}必须在 {low} 到 {high} 之间，收到的是 {value}。",
    ),
    "error.number": (
        "{name} must be a number from {low} to {high}, got {value}.",
        "{name}必须是 {low} 到 {high} 之间的数，收到的是 {value}。",
    ),
    "error.text": ("{name} must be text, got {kind}.", "{name}必须是文本，收到的是 {kind}。"),
    "error.too_long": (
        "{name} is {length} characters long; the limit is {limit}.",
        "{name}有 {length} 个字符，上限是 {limit}。",
    ),
}
CONTROL_NAMES: dict[str, tuple[str, str]] = {
    "control.Batch size": ("Batch size", "批量大小"),
    "control.D learning rate": ("D learning rate", "D 的学习率"),
    "control.D steps per G step": ("D steps per G step", "G 每更新一步时 D 的更新步数"),
    "control.Depth": ("Depth", "深度"),
    "control.Digit": ("Digit", "数字"),
    "control.End digit": ("End digit", "终点数字"),
    "control.End seed": ("End seed", "终点种子"),
    "control.Frames": ("Frames", "帧数"),
    "control.G learning rate": ("G learning rate", "G 的学习率"),
    "control.Gradient clipping": ("Gradient clipping", "梯度裁剪"),
    "control.Grid size": ("Grid size", "网格大小"),
    "control.Layer": ("Layer", "层"),
    "control.Learning rate": ("Learning rate", "学习率"),
    "control.Length": ("Length", "长度"),
    "control.Model repo id": ("Model repo id", "模型仓库 ID"),
    "control.Name": ("Name", "姓名"),
    "control.Noise dimension": ("Noise dimension", "噪声维度"),
    "control.Position": ("Position", "位置"),
    "control.Prompt": ("Prompt", "提示词"),
    "control.Repo id": ("Repo id", "仓库 ID"),
    "control.Revision": ("Revision", "版本"),
    "control.Seconds": ("Seconds", "秒数"),
    "control.Seed": ("Seed", "随机种子"),
    "control.Sentence": ("Sentence", "句子"),
    "control.Start digit": ("Start digit", "起始数字"),
    "control.Start seed": ("Start seed", "起始种子"),
    "control.Steps per run": ("Steps per run", "每次运行的步数"),
    "control.Temperature": ("Temperature", "温度"),
    "control.Text": ("Text", "文本"),
    "control.Top-k": ("Top-k", "Top-k 采样"),
    "control.Top-p": ("Top-p", "Top-p 采样"),
    "control.Truncation ψ": ("Truncation ψ", "截断 ψ"),
    "control.Unit": ("Unit", "单元"),
    "control.Width": ("Width", "宽度"),
    "control.Your points": ("Your points", "你的点"),
    "control.Lesson step": ("Lesson step", "导学步骤"),
}
TEXTS |= ERRORS | CONTROL_NAMES
