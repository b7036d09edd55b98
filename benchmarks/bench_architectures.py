#!/usr/bin/env python
"""Speed of every architecture segnb shares with segmentation_models_pytorch (SMP), side by side in one process.

For each of the eleven shared architectures, both libraries build the model with its defaults, a ResNet-34
encoder, one class and no pretrained weights, and run a 4x3x256x256 float32 batch on the CPU: forward+backward in
training mode, and inference (eval, no gradients). The two libraries run alternately (A B B A ...) after a
warm-up, and the table gives the median milliseconds and the ratio segnb / SMP (target: <= 1.0).

    pip install -e ".[benchmark]"
    python benchmarks/bench_architectures.py               # about 10 minutes on 2 CPU cores
    python benchmarks/bench_architectures.py --quick       # a smoke test
    python benchmarks/bench_architectures.py --only FPN PAN
"""
from __future__ import annotations

import argparse
import platform
import statistics
import warnings

import torch

from bench_unet import cpu_name, inference_step, interleaved, load_average, train_step

SHARED = ["Unet", "UnetPlusPlus", "MAnet", "Linknet", "FPN", "PSPNet", "DeepLabV3", "DeepLabV3Plus", "PAN",
          "UPerNet", "Segformer"]


def build_pair(name: str):
    import segmentation_models_pytorch as smp
    import segnb

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours = getattr(segnb, name)(encoder_name="resnet34", encoder_weights=None, classes=1)
        theirs = getattr(smp, name)(encoder_name="resnet34", encoder_weights=None, classes=1)
    return ours, theirs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=6, help="timed runs per library and case (default 6)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's choice)")
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--only", nargs="*", default=None, help="architectures to run (default: all shared)")
    parser.add_argument("--quick", action="store_true", help="2 repeats at 128x128: checks the script runs")
    args = parser.parse_args()
    if args.quick:
        args.repeats, args.size = 2, 128
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    print(f"CPU: {cpu_name()} | torch {torch.__version__} | threads {torch.get_num_threads()} | "
          f"load {load_average()} | python {platform.python_version()}")
    print(f"input {args.batch}x3x{args.size}x{args.size} float32, resnet34 encoder, median of {args.repeats} runs (ms)\n")
    header = f"{'architecture':14} {'params':>8} {'train segnb':>12} {'train SMP':>10} {'ratio':>6}   {'infer segnb':>12} {'infer SMP':>10} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    x = torch.randn(args.batch, 3, args.size, args.size)
    worst = 0.0
    for name in args.only or SHARED:
        ours, theirs = build_pair(name)
        parameters = sum(p.numel() for p in ours.parameters()) / 1e6
        row = []
        for mode, step in (("train", train_step), ("infer", inference_step)):
            ours.train(mode == "train"), theirs.train(mode == "train")
            times = interleaved(step, {"segnb": (ours, x), "smp": (theirs, x)}, args.repeats, args.warmup)
            ours_ms, theirs_ms = statistics.median(times["segnb"]), statistics.median(times["smp"])
            row.append((ours_ms, theirs_ms, ours_ms / theirs_ms))
            worst = max(worst, ours_ms / theirs_ms)
        (a, b, r), (c, d, s) = row
        print(f"{name:14} {parameters:7.1f}M {a:12.0f} {b:10.0f} {r:6.2f}   {c:12.0f} {d:10.0f} {s:6.2f}", flush=True)
    print(f"\nworst ratio: {worst:.2f} (target <= 1.0: {'met' if worst <= 1.0 else 'NOT met'})")


if __name__ == "__main__":
    main()
