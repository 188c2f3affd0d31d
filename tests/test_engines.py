"""Engines for many pairs: the local pool and Ray give byte-identical JSON; runs resume; unit files shard.

The Ray tests use a local runtime with 2 CPUs and a two-node cluster started with ``ray start`` on a loopback
address (head and worker stopped at the end, even on failure). They read three short IWSLT talks in place.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from reportkit import iwslt_dir, write_talk

import tqcheck.engines as engines
from tqcheck.batch import is_manifest
from tqcheck.cli import run
from tqcheck.config import Config, load_config
from tqcheck.engines import check_all
from tqcheck.engines.rundir import RunDir
from tqcheck.engines.shards import is_unit_jsonl, plan
from tqcheck.errors import InputError

# two short dev talks (35 segments each; bench.triage's dev and dev-2 sets): never the held-out final-check talks
TALKS = (("1096", "tst2011"), ("531", "dev2010"))
needs_iwslt = pytest.mark.skipif(iwslt_dir() is None, reason="needs shared/data/iwslt15-en-vi-ted")
UNITS = [("The harbour opens at six.", "Cảng mở cửa lúc sáu giờ."),
         ("Tickets cost twelve euros.", "Vé giá mười hai euro."),
         ("The ferry to the island leaves every hour.", "Phà ra đảo khởi hành mỗi giờ."),
         ("Bring a warm coat.", "Hãy mang theo áo ấm."),
         ("The museum is closed on Mondays.", "Bảo tàng đóng cửa vào thứ Hai.")]


@pytest.fixture(scope="module")
def manifest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if iwslt_dir() is None:
        pytest.skip("needs shared/data/iwslt15-en-vi-ted")
    d = tmp_path_factory.mktemp("talks")
    rows = ["source,target"]
    for docid, testset in TALKS:
        en, vi = write_talk(d, docid, testset)
        rows.append(f"{en.name},{vi.name}")
    (d / "pairs.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return d / "pairs.csv"


def _json(manifest: Path, out: Path, *extra: str) -> bytes:
    code = run(["check", str(manifest), "--format", "json", "-o", str(out), "-q", "--isolated", *extra])
    assert code in (0, 1), code
    return out.read_bytes()


@pytest.fixture(scope="module")
def local_json(manifest: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The local engine's folder JSON, encoder run without the cache."""
    return _json(manifest, tmp_path_factory.mktemp("local") / "local.json", "--jobs", "2", "--no-cache")


def _units_jsonl(path: Path) -> Path:
    path.write_text("".join(json.dumps({"source": s, "target": t}, ensure_ascii=False) + "\n" for s, t in UNITS),
                    encoding="utf-8")
    return path


# --- without Ray ----------------------------------------------------------------------------------------


def test_cli_and_a_local_run_never_import_ray(tmp_path: Path) -> None:
    units = _units_jsonl(tmp_path / "units.jsonl")
    code = (
        "import sys\nimport tqcheck.cli\nfrom tqcheck.cli import run\n"
        f"rc = run(['check', {str(units)!r}, '--format', 'json', '-o', {str(tmp_path / 'o.json')!r}, '-q', "
        "'--isolated', '--jobs', '1'])\n"
        "assert rc in (0, 1), rc\nassert 'ray' not in sys.modules, 'ray was imported'\n"
    )
    env = {**os.environ, "TQCHECK_CACHE_DIR": str(tmp_path / "cache")}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    assert len(json.loads((tmp_path / "o.json").read_text())["pairs"]) == 1


def test_the_encoder_gives_the_same_vector_whatever_shares_its_batch() -> None:
    from tqcheck.embed import get_embedder

    texts = [s for pair in UNITS for s in pair]
    emb = get_embedder()
    alone = np.stack([emb.encode([t])[0] for t in texts])
    assert np.array_equal(alone, emb.encode(texts))
    assert np.array_equal(alone[::-1], emb.encode(texts[::-1]))


class _Counting:
    """The bundled encoder, counting the texts that reach it."""

    def __init__(self) -> None:
        from tqcheck.embed import get_embedder

        self.inner = get_embedder()
        self.name, self.cache_id, self.texts = self.inner.name, getattr(self.inner, "cache_id", None), 0

    def encode(self, texts):  # noqa: ANN001, ANN201
        self.texts += len(texts)
        return self.inner.encode(texts)


def test_a_unit_file_checked_again_reads_every_vector_from_the_cache(tmp_path: Path) -> None:
    from tqcheck.pipeline import check_documents
    from tqcheck.render.json_ import dumps

    shard = tmp_path / "units.tsv"
    shard.write_text("source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t in UNITS), encoding="utf-8")
    cfg = Config(cache_dir=str(tmp_path / "cache"), src_lang="en", tgt_lang="vi")
    first, again = _Counting(), _Counting()
    cold = check_documents(str(shard), "", cfg, embedder=first)
    warm = check_documents(str(shard), "", cfg, embedder=again)
    assert first.texts >= 2 * len(UNITS)  # every source and target encoded once
    assert again.texts == 0  # all of them cache hits the second time (bead similarities included)
    assert dumps(warm.to_dict()) == dumps(cold.to_dict())


def test_unit_jsonl_is_sharded_and_a_jsonl_of_files_stays_a_manifest(tmp_path: Path) -> None:
    units = _units_jsonl(tmp_path / "units.jsonl")
    (tmp_path / "a.txt").write_text("One.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Một.\n", encoding="utf-8")
    files = tmp_path / "files.jsonl"
    files.write_text(json.dumps({"source": "a.txt", "target": "b.txt"}) + "\n", encoding="utf-8")
    assert is_unit_jsonl(str(units)) and not is_manifest(str(units))
    assert not is_unit_jsonl(str(files)) and is_manifest(str(files))
    cfg = Config(shard_units=2, run_dir=str(tmp_path / "run"))
    specs = plan([str(units)], cfg)
    assert [s.shard["units"] for s in specs] == [2, 2, 1]
    assert [s.shard["first_unit"] for s in specs] == [0, 2, 4]
    rows = [Path(s.source).read_text(encoding="utf-8").splitlines()[1:] for s in specs]
    assert [r.split("\t")[1] for rs in rows for r in rs] == [s for s, _ in UNITS]
    assert plan([str(files)], cfg) is None



def test_a_parquet_file_of_units_gives_the_shards_of_the_same_jsonl(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    ids = [f"u{k}" for k in range(len(UNITS))]
    table = pa.table({"id": ids, "source": [s for s, _ in UNITS], "target": [t for _, t in UNITS]})
    pq.write_table(table, tmp_path / "units.parquet", row_group_size=2)
    (tmp_path / "units.jsonl").write_text("".join(
        json.dumps({"id": i, "source": s, "target": t}, ensure_ascii=False) + "\n" for i, (s, t) in zip(ids, UNITS)),
        encoding="utf-8")
    cfg = Config(shard_units=2, run_dir=str(tmp_path / "run"))
    from_parquet = plan([str(tmp_path / "units.parquet")], cfg)
    from_jsonl = plan([str(tmp_path / "units.jsonl")], cfg)
    assert [s.shard["units"] for s in from_parquet] == [2, 2, 1]
    assert [Path(s.source).read_bytes() for s in from_parquet] == [Path(s.source).read_bytes() for s in from_jsonl]
    pq.write_table(pa.table({"src": ["a"], "tgt": ["b"]}), tmp_path / "bad.parquet")
    with pytest.raises(InputError, match="needs text columns source and target"):
        plan([str(tmp_path / "bad.parquet")], cfg)
    (tmp_path / "junk.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(InputError, match="not a readable Parquet file"):
        plan([str(tmp_path / "junk.parquet")], cfg)

def test_the_size_limits_apply_to_each_unit_not_to_the_shard(tmp_path: Path) -> None:
    units = _units_jsonl(tmp_path / "units.jsonl")
    cfg = Config(shard_units=5, run_dir=str(tmp_path / "run"), max_file_size=100)
    specs = plan([str(units)], cfg)
    assert len(specs) == 1 and os.path.getsize(specs[0].source) > 100  # the shard is over the limit...
    report = engines.check_one(specs[0], cfg)  # ...and is checked all the same: each unit is under it
    assert [s.text.strip() for s in report.source.segments] == [s for s, _ in UNITS]
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"source": s, "target": t}, ensure_ascii=False) + "\n"
                           for s, t in [UNITS[0], (UNITS[1][0], "x" * 150), UNITS[2]]), encoding="utf-8")
    with pytest.raises(InputError, match=r"big\.jsonl: unit 2 \(line2\): its target of 150 bytes is over the file "
                                         r"size limit of 100 bytes"):
        plan([str(big)], cfg)


def test_a_tmx_is_sharded_only_when_shard_units_is_set(tmp_path: Path) -> None:
    pytest.importorskip("translate.storage.tmx")
    tus = "".join(f'<tu><tuv xml:lang="en"><seg>{s}</seg></tuv><tuv xml:lang="vi"><seg>{t}</seg></tuv></tu>'
                  for s, t in UNITS)
    tmx = tmp_path / "memory.tmx"
    tmx.write_text('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" '
                   f'adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="x" '
                   f'creationtoolversion="1"/><body>{tus}</body></tmx>', encoding="utf-8")
    assert plan([str(tmx)], Config()) is None
    specs = plan([str(tmx)], Config(shard_units=3, run_dir=str(tmp_path / "run")))
    assert [s.shard["units"] for s in specs] == [3, 2]
    assert specs[0].src_lang == "en"
    report = engines.check_one(specs[1], Config(run_dir=str(tmp_path / "run")))
    assert [s.text.strip() for s in report.source.segments] == [s for s, _ in UNITS[3:]]


def test_config_keys_for_engines(tmp_path: Path) -> None:
    (tmp_path / "tqcheck.toml").write_text('engine = "ray"\naddress = "10.0.0.5:6379"\nrun-dir = "runs"\n'
                                           "shard-units = 500\n", encoding="utf-8")
    cfg = load_config(tmp_path / "tqcheck.toml")
    assert (cfg.engine, cfg.address, cfg.run_dir, cfg.shard_units) == ("ray", "10.0.0.5:6379",
                                                                       str(tmp_path / "runs"), 500)
    (tmp_path / "tqcheck.toml").write_text('engine = "spark"\n', encoding="utf-8")
    with pytest.raises(Exception, match="engine"):
        load_config(tmp_path / "tqcheck.toml")


@needs_iwslt
def test_an_interrupted_run_resumes_and_skips_the_pairs_done(manifest: Path, local_json: bytes, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from tqcheck.batch import read_manifest

    specs = read_manifest(str(manifest))
    run_dir = tmp_path / "run"
    cfg = Config(run_dir=str(run_dir), jobs=1)
    first = check_all(specs, cfg)
    next(first)
    first.close()  # interrupted after the first pair
    assert RunDir(run_dir, cfg).count() == 1
    calls: list[str] = []
    real = engines.check_one
    monkeypatch.setattr(engines, "check_one", lambda spec, c, embedder=None: calls.append(spec.target)
                        or real(spec, c, embedder))
    out = _json(manifest, tmp_path / "resumed.json", "--run-dir", str(run_dir), "--jobs", "1")
    assert calls == [s.target for s in specs[1:]]  # the first pair came from the run folder
    assert out == local_json
    calls.clear()
    assert _json(manifest, tmp_path / "again.json", "--run-dir", str(run_dir), "--jobs", "1") == local_json
    assert calls == []


# --- Ray ------------------------------------------------------------------------------------------------


def test_without_an_address_ray_starts_a_runtime_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never the cluster last started on this machine (ray.init's default when no address is given)."""
    ray = pytest.importorskip("ray")
    from tqcheck.engines import ray_engine

    calls: list[dict] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", lambda **kw: calls.append(kw))
    monkeypatch.setenv("RAY_ADDRESS", "127.0.0.9:6379")
    monkeypatch.delenv("RAY_worker_niceness", raising=False)
    assert ray_engine.start(None, num_cpus=2)
    assert calls[0]["address"] == "local" and calls[0]["num_cpus"] == 2
    assert os.environ["RAY_worker_niceness"] == "0"  # the task workers at the runtime's own niceness
    ray_engine.start("127.0.0.9:6379")
    assert calls[1]["address"] == "127.0.0.9:6379"


def test_a_local_runtime_that_times_out_starting_is_started_again(monkeypatch: pytest.MonkeyPatch) -> None:
    ray = pytest.importorskip("ray")
    from tqcheck.engines import ray_engine

    calls: list[str] = []

    def init(**kw: object) -> None:
        calls.append("init")
        if len(calls) == 1:
            raise Exception("The current node timed out during startup. This could happen because ...")

    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", init)
    monkeypatch.setattr(ray, "shutdown", lambda: calls.append("shutdown"))
    assert ray_engine.start(None, num_cpus=2)
    assert calls == ["init", "shutdown", "init"]

    def broken(**kw: object) -> None:
        raise ValueError("something else")

    monkeypatch.setattr(ray, "init", broken)
    with pytest.raises(ValueError):  # any other failure is not retried
        ray_engine.start(None, num_cpus=2)


@pytest.fixture(scope="module")
def ray_runtime(tmp_path_factory: pytest.TempPathFactory):
    ray = pytest.importorskip("ray")
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    old = os.environ.get("TQCHECK_CACHE_DIR")
    os.environ["TQCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("ray-cache"))  # Ray encodes for itself
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, object_store_memory=100 * 1024 * 1024)
    try:
        yield ray
    finally:
        ray.shutdown()
        if old is None:
            os.environ.pop("TQCHECK_CACHE_DIR", None)
        else:
            os.environ["TQCHECK_CACHE_DIR"] = old


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                ppid = int(Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(p))
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def test_ray_local_runtime_gives_the_local_engines_json(manifest: Path, local_json: bytes, tmp_path: Path,
                                                       ray_runtime) -> None:
    assert _json(manifest, tmp_path / "ray.json", "--engine", "ray") == local_json


def test_ray_encoder_actors_give_the_local_engines_json(manifest: Path, local_json: bytes, ray_runtime) -> None:
    """Texts encoded by an actor (the model held once, as on a GPU) and sent back: the same findings."""
    from tqcheck.batch import folder_dict, read_manifest
    from tqcheck.render.json_ import dumps

    reports = check_all(read_manifest(str(manifest)), Config(cache=False), engine="ray", encoders=1)
    assert dumps(folder_dict(list(reports))).encode() == local_json


def test_a_killed_ray_worker_is_retried_and_the_output_is_the_same(manifest: Path, local_json: bytes,
                                                                   tmp_path: Path, ray_runtime) -> None:
    killed: list[int] = []
    stop = threading.Event()

    def killer() -> None:
        while not stop.is_set() and not killed:
            for pid in _descendants(os.getpid()):
                try:
                    title = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]
                except OSError:
                    continue
                if title.startswith(b"ray::_check_task"):
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                    break
            time.sleep(0.02)

    t = threading.Thread(target=killer, daemon=True)
    t.start()
    try:  # without the cache, as the local engine's JSON was made: the earlier Ray runs of this module filled
        # it, and a check task that reads every vector from it can end before the killer sees it running
        out = _json(manifest, tmp_path / "killed.json", "--engine", "ray", "--no-cache")
    finally:
        stop.set()
        t.join()
    assert killed, "no check task was seen running"
    assert out == local_json


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.2", 0))
        return s.getsockname()[1]


def _active_nodes(ray_bin: str, address: str, env: dict[str, str]) -> int:
    out = subprocess.run([ray_bin, "status", f"--address={address}"], env=env, capture_output=True, text=True).stdout
    return out.split("Active:", 1)[-1].split("Pending:", 1)[0].count("node_")


def _stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
    for p in procs:
        try:
            p.wait(45)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(10)


@needs_iwslt
def test_two_node_cluster_on_loopback_gives_the_local_engines_json(manifest: Path, local_json: bytes,
                                                                    tmp_path: Path) -> None:
    """A head and a worker started with ``ray start`` on 127.0.0.2 (Ray replaces 127.0.0.1 by the machine's
    outward address), one CPU each, token authentication with a fresh token; tqcheck joins with --address."""
    pytest.importorskip("ray")
    port = _free_port()
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "token",
           "RAY_AUTH_TOKEN": secrets.token_hex(32), "TQCHECK_CACHE_DIR": str(tmp_path / "cache")}
    common = ["--num-cpus=1", "--node-ip-address=127.0.0.2", "--disable-usage-stats", "--block",
              "--object-store-memory=100000000"]
    ray_bin = str(Path(sys.executable).parent / "ray")
    temp = Path("/tmp") / f"tqr{secrets.token_hex(3)}"  # short: Ray's socket paths must fit in 107 bytes
    procs: list[subprocess.Popen] = []
    try:
        procs.append(subprocess.Popen([ray_bin, "start", "--head", f"--port={port}", "--include-dashboard=false",
                                       f"--temp-dir={temp}", *common], env=env, start_new_session=True,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        address = f"127.0.0.2:{port}"
        deadline = time.monotonic() + 180
        while subprocess.run([ray_bin, "status", f"--address={address}"], env=env,
                             capture_output=True).returncode != 0:
            assert time.monotonic() < deadline and procs[0].poll() is None, "the head did not start"
            time.sleep(1)
        procs.append(subprocess.Popen([ray_bin, "start", f"--address={address}", *common], env=env,
                                      start_new_session=True, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))
        while _active_nodes(ray_bin, address, env) < 2:
            assert time.monotonic() < deadline and procs[1].poll() is None, "the worker node did not join"
            time.sleep(1)
        out = tmp_path / "two.json"  # the driver in its own process, as a user runs it
        res = subprocess.run([sys.executable, "-m", "tqcheck", "check", str(manifest), "--format", "json", "-o",
                              str(out), "-q", "--isolated", "--engine", "ray", "--address", address],
                             env=env, capture_output=True, text=True, timeout=600)
        assert res.returncode in (0, 1), res.stderr[-2000:]
        assert out.read_bytes() == local_json
    finally:
        _stop(procs)
        shutil.rmtree(temp, ignore_errors=True)


def test_progress_label_has_rates_and_eta_and_no_slash() -> None:
    from tqcheck.batch import PairSpec
    from tqcheck.engines import _label

    spec = PairSpec("in/talk.en.txt", "in/talk.vi.txt")
    assert _label(spec, 0, 0, 10, 0.0) == "talk.vi.txt"
    assert _label(spec, 4, 400, 10, 8.0) == "talk.vi.txt · 0.50 pairs per s · 50 texts embedded per s · ETA 0m12s"


def test_the_texts_embedded_for_a_pair_are_counted_and_a_warm_cache_embeds_none(tmp_path: Path) -> None:
    from tqcheck.batch import PairSpec
    from tqcheck.engines import check_counted
    from tqcheck.render.json_ import dumps

    (tmp_path / "a.en.txt").write_text(" ".join(s for s, _ in UNITS) + "\n", encoding="utf-8")
    (tmp_path / "a.vi.txt").write_text(" ".join(t for _, t in UNITS) + "\n", encoding="utf-8")
    spec = PairSpec(str(tmp_path / "a.en.txt"), str(tmp_path / "a.vi.txt"), "en", "vi")
    cfg = Config(cache_dir=str(tmp_path / "cache"))
    cold, n_cold = check_counted(spec, cfg)
    warm, n_warm = check_counted(spec, cfg)
    assert n_cold >= 2 * len(UNITS) and n_warm == 0
    assert dumps(warm.to_dict()) == dumps(cold.to_dict())
    _, n_off = check_counted(spec, replace(cfg, cache=False))  # no cache: every text reaches the encoder
    assert n_off == n_cold
