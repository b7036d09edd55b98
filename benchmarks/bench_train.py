#!/usr/bin/env python
"""Training: the `segnb_train` target, the bfloat16 fast path against float32, and segnb's training step, losses and
metrics side by side with segmentation_models_pytorch (SMP) in one process.

1. **The main job.** `segnb_train` with its defaults (Unet-resnet18 from scratch on the shapes dataset), run as a
   user runs it, in a fresh process: wall time (from the command's start to its last line) and the final val mIoU.
   Target: val mIoU >= 0.90 in under 180 s on 2 CPU cores. Then the same run with `--no-fast` (float32), for the
   speed and the final metric of the fast path.
2. **Training step vs SMP.** One optimiser step (AdamW, cross-entropy + Dice) of Unet-resnet18 on 16x3x64x64, segnb
   as its Learner runs it (bfloat16 autocast where the CPU has it, channels-last) and in float32, against SMP's Unet
   in float32 with SMP's DiceLoss: the ratio segnb / SMP (target <= 1.0).
3. **Losses and metrics vs SMP.** Forward + backward of each loss, and get_stats + iou_score, on the same tensors.

    pip install -e ".[benchmark]"
    python benchmarks/bench_train.py            # about 4 minutes on 2 cores
    python benchmarks/bench_train.py --quick    # a smoke test; skips the two full runs
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from bench_unet import cpu_name, interleaved, load_average  # noqa: E402


def run_main_job(extra: list[str]) -> dict:
    "Run `segnb_train` with the defaults (plus `extra`) in a fresh process; its wall time and metrics."
    out = Path(tempfile.mkdtemp()) / "run"
    command = [sys.executable, "-m", "segnb.train", "--out", str(out), "--no-progress", *extra]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"segnb_train failed:\n{result.stderr[-2000:]}")
    metrics = json.loads((out / "metrics.json").read_text())
    last_line = result.stdout.strip().splitlines()[-1]
    assert last_line == f"val mIoU: {metrics['val_miou']:.4f}", last_line
    history = json.loads((out / "history.json").read_text())
    return {"seconds": seconds, "miou": metrics["val_miou"], "fast": metrics["fast"],
            "epoch_seconds": statistics.median(record["time"] for record in history)}


def training_steps(batch: int, size: int):
    "One optimiser step for segnb (fast path and float32) and SMP, each with its own model, loss and data."
    import segmentation_models_pytorch as smp

    import segnb
    from segnb.learner import bf16_supported, default_loss

    torch.manual_seed(0)
    images = torch.rand(batch, 3, size, size)
    masks = torch.randint(0, 2, (batch, size, size))

    def make_step(model, loss_fn, fast: bool, target):
        optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
        model.train()

        def step(model, x):
            if fast:
                x = x.contiguous(memory_format=torch.channels_last)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=fast):
                logits = model(x)
            loss = loss_fn(logits.float(), target)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        return step

    fast = bf16_supported("cpu")
    ours_fast, ours_fp32 = segnb.Unet("resnet18", classes=1), segnb.Unet("resnet18", classes=1)
    theirs = smp.Unet("resnet18", encoder_weights=None, classes=1)
    smp_dice, smp_bce = smp.losses.DiceLoss("binary"), smp.losses.SoftBCEWithLogitsLoss()
    float_target = masks.unsqueeze(1).float()
    steps = {
        f"segnb ({'bf16' if fast else 'fp32'})": make_step(ours_fast, default_loss("binary"), fast, masks),
        "segnb (fp32)": make_step(ours_fp32, default_loss("binary"), False, masks),
        "SMP (fp32)": make_step(theirs, lambda logits, target: smp_bce(logits, target) + smp_dice(logits, target),
                                False, float_target),
    }
    models = {names: model for names, model in zip(steps, (ours_fast, ours_fp32, theirs))}
    return steps, models, images


def losses_and_metrics():
    "Pairs (segnb, SMP) of callables on shared tensors: each loss forward + backward, and the metric computation."
    import segmentation_models_pytorch as smp

    import segnb.losses as ours_losses
    import segnb.metrics as ours_metrics

    torch.manual_seed(0)
    logits = torch.randn(16, 4, 128, 128, requires_grad=True)
    target = torch.randint(0, 4, (16, 128, 128))
    cases = {}
    for name, kwargs in (("DiceLoss", {}), ("JaccardLoss", {}), ("TverskyLoss", {}), ("FocalLoss", {}),
                         ("LovaszLoss", {})):
        ours = getattr(ours_losses, name)("multiclass", **kwargs)
        theirs = getattr(smp.losses, name)("multiclass", **kwargs)
        cases[name] = (ours, theirs)

    def loss_call(loss):
        def call():
            logits.grad = None
            loss(logits, target).backward()
        return call

    calls = {name: (loss_call(ours), loss_call(theirs)) for name, (ours, theirs) in cases.items()}
    predicted = logits.detach().argmax(1)

    def metric_call(module):
        def call():
            tp, fp, fn, tn = module.get_stats(predicted, target, mode="multiclass", num_classes=4)
            module.iou_score(tp, fp, fn, tn, reduction="macro")
        return call

    calls["get_stats + iou_score"] = (metric_call(ours_metrics), metric_call(smp.metrics))
    return calls


def median_ms(values: list[float]) -> float:
    return statistics.median(values)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="few repeats and no full training runs")
    parser.add_argument("--repeats", type=int, default=None, help="timed steps per case (default 12, 3 with --quick)")
    args = parser.parse_args(argv)
    repeats = args.repeats or (3 if args.quick else 12)
    print(f"CPU: {cpu_name()}, {os.cpu_count()} cores, torch {torch.__version__}, load average {load_average()}")
    ok = True

    if not args.quick:
        print("\n## 1. segnb_train with its defaults (a fresh process each)\n")
        fast_run = run_main_job([])
        fp32_run = run_main_job(["--no-fast"])
        print("| run | wall time | median epoch | val mIoU |\n|---|---:|---:|---:|")
        for name, run in ((f"defaults ({'bf16' if fast_run['fast'] else 'fp32'})", fast_run), ("--no-fast (fp32)", fp32_run)):
            print(f"| {name} | {run['seconds']:.1f} s | {run['epoch_seconds']:.1f} s | {run['miou']:.4f} |")
        print(f"\nfast / float32 wall time: {fast_run['seconds'] / fp32_run['seconds']:.2f}; "
              f"mIoU difference {fast_run['miou'] - fp32_run['miou']:+.4f}")
        target_met = fast_run["miou"] >= 0.90 and fast_run["seconds"] < 180
        print(f"target (mIoU >= 0.90 in < 180 s): {'met' if target_met else 'MISSED'}")
        ok &= target_met

    print("\n## 2. One training step, Unet-resnet18, 16x3x64x64, interleaved\n")
    steps, models, images = training_steps(16, 64)
    runs = {name: (models[name], images) for name in steps}
    times = interleaved(lambda model, x: steps[_name_of(models, model)](model, x), runs, repeats, warmup=3)
    reference = median_ms(times["SMP (fp32)"])
    print("| case | median ms | ratio to SMP |\n|---|---:|---:|")
    for name in steps:
        print(f"| {name} | {median_ms(times[name]):.1f} | {median_ms(times[name]) / reference:.2f} |")
    ok &= median_ms(times[next(iter(steps))]) <= reference

    print("\n## 3. Losses (forward + backward) and metrics, 16x4x128x128, interleaved\n")
    print("| case | segnb ms | SMP ms | ratio |\n|---|---:|---:|---:|")
    for name, (ours, theirs) in losses_and_metrics().items():
        pair = {"segnb": (ours, None), "SMP": (theirs, None)}
        measured = interleaved(lambda call, _: call(), pair, repeats, warmup=2)
        ours_ms, theirs_ms = median_ms(measured["segnb"]), median_ms(measured["SMP"])
        print(f"| {name} | {ours_ms:.1f} | {theirs_ms:.1f} | {ours_ms / theirs_ms:.2f} |")
    return 0 if ok else 1


def _name_of(models: dict, model) -> str:
    return next(name for name, candidate in models.items() if candidate is model)


if __name__ == "__main__":
    sys.exit(main())
