"""DocContext: typed shared inputs, and what rules compute once per document (``per_document``)."""
from __future__ import annotations

from tqcheck.checks.base import DocContext, per_document
from tqcheck.model import Document, Segment


def _ctx(text: str = "Hello.") -> DocContext:
    def doc(t: str, lang: str) -> Document:
        return Document(path=f"<{lang}>", raw=t, lang=lang, segments=(Segment(0, t, 0, len(t), 1, 1, lang),))

    return DocContext(doc(text, "en"), doc("Xin chào.", "vi"), (), None)


def test_a_per_document_function_runs_once_per_context() -> None:
    calls: list[str] = []

    @per_document
    def first_words(ctx: DocContext) -> list[str]:
        calls.append(ctx.source.raw)
        return [s.text.split()[0] for s in ctx.source.segments]

    a, b = _ctx("Hello there."), _ctx("Goodbye now.")
    assert first_words(a) == ["Hello"] and first_words(a) is first_words(a)
    assert first_words(b) == ["Goodbye"]
    assert calls == ["Hello there.", "Goodbye now."]


def test_wrapping_at_the_call_finds_the_same_value() -> None:
    calls = []

    def count(ctx: DocContext) -> int:
        calls.append(1)
        return len(calls)

    ctx = _ctx()
    assert per_document(count)(ctx) == 1 and per_document(count)(ctx) == 1
    assert len(calls) == 1


def test_shared_inputs_are_typed_fields() -> None:
    ctx = _ctx()
    assert ctx.embedder is None and ctx.displaced is None and ctx.memo == {}
    ctx.displaced = {0: 0}
    assert ctx.displaced == {0: 0}
    assert (ctx.src_profile.code, ctx.tgt_profile.code) == ("en", "vi")
