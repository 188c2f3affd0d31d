"""Dropped-sentence recall on IWSLT en-vi talks: drop a few Vietnamese sentences per talk (seeded, at least 7
sentences apart, 5+ words), check the pair as two running texts, and count a drop as found when an omission
finding on the source side overlaps the dropped sentence (as bench.challenge does). One JSON line per drop,
then the total.

    TQCHECK_BENCH_DATA=../../shared/data python scripts/drop_recall.py 0,1,2,3,4,5,6,7 3
"""
from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path

from bench.challenge import _overlaps, check_pair
from bench.common import iwslt_talks, join_running


def main(talk_ids: list[int], per: int) -> None:
    talks = iwslt_talks()
    work = Path(tempfile.mkdtemp(prefix="tqdrop-"))
    tot = found = 0
    for k in talk_ids:
        t = talks[k]
        rng = random.Random(f"drop-{t.docid}")
        cand = [i for i in range(2, len(t.en) - 2) if len(t.vi[i].split()) >= 5]
        drops: list[int] = []
        for i in rng.sample(cand, min(len(cand), per * 4)):
            if all(abs(i - d) > 6 for d in drops):
                drops.append(i)
            if len(drops) == per:
                break
        en_text, spans = join_running(t.en)
        vi_text, _ = join_running([v for i, v in enumerate(t.vi) if i not in drops])
        rep = check_pair(en_text, vi_text, work, f"d{k}")
        for d in drops:
            hit = [f.code for f in rep.findings if f.family == "omission" and f.side == "source"
                   and _overlaps(spans[d], f.start, f.end)]
            tot, found = tot + 1, found + bool(hit)
            print(json.dumps({"talk": k, "seg": d, "found": bool(hit), "codes": hit, "en": t.en[d][:80]},
                             ensure_ascii=False), flush=True)
    print(f"TOTAL {found}/{tot}", flush=True)


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1].split(",")], int(sys.argv[2]) if len(sys.argv) > 2 else 3)
