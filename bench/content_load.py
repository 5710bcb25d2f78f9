"""Start-up cost of the content pack: how long :func:`bot.content.load` takes on the real pack.

Both happen once at start-up: the import of ``bot.content`` (after ``bot.config``, which the
app imports first and which brings pydantic), then one load. Prints milliseconds: the import,
the first load, then the best and the median of ``--runs`` more.

    .venv/bin/python bench/content_load.py [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    import bot.config  # noqa: F401  (pydantic, as at start-up)

    started = time.perf_counter()
    from bot.content import load
    imported = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    load(ROOT / "content")
    first = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        load(ROOT / "content")
        times.append((time.perf_counter() - started) * 1000)
    print(f"import bot.content: {imported:.1f} ms; first load: {first:.1f} ms")
    print(f"load(content/): best {min(times):.1f} ms, median {statistics.median(times):.1f} ms "
          f"over {args.runs} runs")


if __name__ == "__main__":
    main()
