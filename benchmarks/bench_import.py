#!/usr/bin/env python
"""Start-up cost: `import segnb` against `import segmentation_models_pytorch`, each in a fresh Python process.

Every measurement is a new interpreter running `python -c "import X"`, timed from outside (wall clock, so the
interpreter's own start-up is included). The commands run in turn within each round (rotating which goes first)
to spread drift of the machine over all of them; the table gives medians. `import torch` alone is the baseline
both libraries pay, and is subtracted in the `net` columns. Target: segnb <= 0.6 x SMP.

    pip install -e ".[benchmark]"
    python benchmarks/bench_import.py               # about a minute
    python benchmarks/bench_import.py --quick
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

STATEMENTS = {
    "python": "pass",
    "torch": "import torch",
    "segnb": "import segnb",
    "SMP": "import segmentation_models_pytorch",
}
TARGET = 0.6


def wall_time(statement: str) -> float:
    "Seconds for a fresh interpreter to run `statement` and exit."
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True)
    return time.perf_counter() - start


def heavy_modules(module: str) -> list[str]:
    "Which well-known heavy packages importing `module` pulls in."
    check = (f"import sys, {module}; print(' '.join(m for m in ('torchvision', 'timm', 'huggingface_hub', 'safetensors', "
             "'numpy', 'PIL', 'matplotlib', 'tqdm') if m in sys.modules))")
    return subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout.split()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=None, help="fresh processes per statement (default 10, 3 with --quick)")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    repeats = args.repeats or (3 if args.quick else 10)

    names = list(STATEMENTS)
    for name in names:  # warm the file-system cache and the bytecode caches
        wall_time(STATEMENTS[name])
    times = {name: [] for name in names}
    for index in range(repeats):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(wall_time(STATEMENTS[name]))
    median = {name: statistics.median(values) * 1e3 for name, values in times.items()}

    print(f"Python {sys.version.split()[0]}, {repeats} fresh processes per statement, interleaved; median wall time\n")
    print(f"{'statement':40s} {'ms':>7s} {'net ms':>7s}")
    for name in names:
        net = median[name] - median["torch"] if name not in ("python", "torch") else median[name] - median["python"]
        print(f"{STATEMENTS[name]:40s} {median[name]:7.0f} {net:7.0f}")
    print("(net: minus `import torch` for the libraries, minus a bare interpreter for torch)\n")

    ratio = median["segnb"] / median["SMP"]
    net_ours, net_theirs = median["segnb"] - median["torch"], median["SMP"] - median["torch"]
    net_ratio = net_ours / net_theirs if net_theirs > 0 else float("nan")
    met = ratio <= TARGET
    print(f"segnb / SMP: {ratio:.2f} of the wall time ({net_ratio:.2f} of the time beyond `import torch`); "
          f"target <= {TARGET}: {'yes' if met else 'NO'}")
    print()
    baseline = set(heavy_modules("torch"))
    for module in ("segnb", "segmentation_models_pytorch"):
        extra = [m for m in heavy_modules(module) if m not in baseline]
        print(f"packages `import {module}` loads beyond torch's own: {', '.join(extra) or 'none'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
