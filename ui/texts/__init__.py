"""The UI texts, one module per tab: `TEXTS = {key: (English, Simplified Chinese)}`."""

from ui.texts import app, classify, gan, lesson, live, lstm_text, rcgan, theory

__all__ = ["app", "classify", "gan", "lesson", "live", "lstm_text", "rcgan", "theory"]
