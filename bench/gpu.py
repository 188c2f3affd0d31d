"""GPU throughput of tqcheck's sentence-transformers backend (``python -m bench.gpu``).

Needs a CUDA GPU, torch and sentence-transformers (``pip install 'tqcheck[st]'``). No weights are
downloaded: two randomly initialised BERT encoders are built locally from ``transformers`` configs with
the shapes of LaBSE (12 layers, hidden 768, vocabulary 501,153) and multilingual-e5-small (12 layers,
hidden 384, vocabulary 250,037), saved as sentence-transformers folders with mean pooling, and loaded
through ``tqcheck.embed.get_embedder(path, device)``, the same path as ``tqcheck check --model PATH``.
Throughput does not depend on the weights' values, only on the shapes and the token counts, so the
IWSLT sentences are used as input. Prints a Markdown table of sentences/s per model and device.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

SHAPES = {
    "labse-size": dict(hidden_size=768, num_hidden_layers=12, num_attention_heads=12, intermediate_size=3072,
                       vocab_size=501153),
    "e5-small-size": dict(hidden_size=384, num_hidden_layers=12, num_attention_heads=12, intermediate_size=1536,
                          vocab_size=250037),
}


def build_model(kind: str, folder: Path) -> Path:
    """A random-weight BERT of the given shape with a WordPiece tokenizer, saved for sentence-transformers."""
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertConfig, BertModel, BertTokenizerFast

    from .common import iwslt_talks

    out = folder / kind
    vocab = folder / f"{kind}-vocab.txt"
    words = sorted({w for t in iwslt_talks()[:10] for s in t.en + t.vi for w in s.lower().split()})
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]) + "\n", encoding="utf-8")
    tok = BertTokenizerFast(vocab_file=str(vocab))
    bert = BertModel(BertConfig(**SHAPES[kind], max_position_embeddings=512))
    hf = folder / f"{kind}-hf"
    bert.save_pretrained(hf)
    tok.save_pretrained(hf)
    word = models.Transformer(str(hf), max_seq_length=128)
    pool = models.Pooling(word.get_word_embedding_dimension(), pooling_mode="mean")
    SentenceTransformer(modules=[word, pool]).save(str(out))
    return out


def measure(path: Path, device: str, sents: list[str], batch: int) -> float:
    from tqcheck.embed import SentenceTransformerEmbedder

    emb = SentenceTransformerEmbedder(str(path), device=device, batch_size=batch)
    emb.encode(sents[:batch])  # warm-up (CUDA kernels, allocator)
    if device.startswith("cuda"):
        import torch

        torch.cuda.synchronize()
    t0 = time.perf_counter()
    emb.encode(sents)
    if device.startswith("cuda"):
        import torch

        torch.cuda.synchronize()
    return len(sents) / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=5000)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--devices", default="cuda,cpu")
    args = ap.parse_args(argv)
    try:
        import torch
    except ImportError:
        sys.stderr.write("bench.gpu: torch is not installed (pip install 'tqcheck[st]')\n")
        return 2
    from .common import iwslt_talks, table

    sents = [s for t in iwslt_talks() for s in t.en + t.vi][:args.sentences]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in SHAPES:
            path = build_model(kind, Path(tmp))
            for dev in args.devices.split(","):
                if dev.startswith("cuda") and not torch.cuda.is_available():
                    rows.append([kind, dev, "no CUDA device"])
                    continue
                n = len(sents) if dev.startswith("cuda") else min(len(sents), 500)
                rows.append([kind, dev, f"{measure(path, dev, sents[:n], args.batch):.0f}"])
    name = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none"
    print(f"GPU: {name}; torch {torch.__version__}; {len(sents)} sentences, batch {args.batch}\n")
    print(table(["model (random weights)", "device", "sentences/s"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
