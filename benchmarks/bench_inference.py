#!/usr/bin/env python
"""Inference speed: segnb's fast path against SMP's float32 `predict`, and sliding windows over a 4096 x 4096 image.

1. **Fast path against SMP.** A U-Net with a ResNet-34 encoder in both libraries, with the same weights: segnb's
   model is trained briefly on binary shapes as two classes (so that the classes are far apart, as in a trained
   model, and bfloat16 rounding is measured where it matters), and its weights are copied into SMP's. Both predict
   the same 4 x 3 x 512 x 512 batch, mosaics of shapes images the model never saw: SMP with `model.predict` (float32 under `torch.inference_mode`), segnb
   with `model.predict` (its fast path: bfloat16 autocast where the hardware computes bfloat16
   natively, channels-last, `torch.inference_mode`), alternately (A B B A ...) in one process. Reported: median
   milliseconds, SMP's time over segnb's (target >= 2.0), and the share of pixels whose class (argmax) agrees
   (target >= 99.5%).
2. **Sliding windows.** `sliding_window_inference` with windows of 512, overlap 0.25, batches of 4, over one image
   of 1024, 2048 and 4096 pixels square: megapixels per second, and the working memory (the peak memory of the
   call less the result it returns), against predicting the whole image at once.

    pip install -e ".[benchmark]"
    python benchmarks/bench_inference.py            # about 2 minutes on 2 idle CPU cores (use --threads 1 on a busy one)
    python benchmarks/bench_inference.py --quick    # a smoke test: little training, few repeats, 1024 px at most
"""
from __future__ import annotations

import argparse
import platform
import statistics
import time

import torch

from bench_unet import cpu_name, interleaved, load_average


def shapes_tiles(count: int, split: str, seed: int = 0):
    "`count` binary shapes images of 128 x 128 (normalised, as the encoder expects) and their masks (0 background, 1 shape)."
    from segnb.data import Normalize, ShapesDataset

    data = ShapesDataset(length=count, size=128, mode="binary", split=split, seed=seed, transform=Normalize())
    images, masks = zip(*(data[index] for index in range(count)))
    return torch.stack(images), torch.stack(masks)


def mosaics(count: int, tiles: int = 4):
    "`count` images of 128 * `tiles` pixels square, each a mosaic of validation tiles, and their masks."
    images, masks = shapes_tiles(count * tiles * tiles, "valid")
    side = 128 * tiles
    images = images.view(count, tiles, tiles, 3, 128, 128).permute(0, 3, 1, 4, 2, 5).reshape(count, 3, side, side)
    masks = masks.view(count, tiles, tiles, 128, 128).permute(0, 1, 3, 2, 4).reshape(count, side, side)
    return images.contiguous(), masks.contiguous()


def train_briefly(model: torch.nn.Module, steps: int, batch: int, pool: int = 512) -> float:
    "Train `model` for `steps` AdamW steps on flipped shapes images, in bfloat16 where the learner would; return the last loss."
    from segnb.learner import bf16_supported, default_loss

    images, masks = shapes_tiles(pool, "train")  # drawn once: drawing costs more than a step here
    generator = torch.Generator().manual_seed(0)
    loss_function = default_loss("multiclass")  # two classes, background and shape: the masks' argmax is compared
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=2e-3, total_steps=steps)
    model.train()
    loss = float("nan")
    for _ in range(steps):
        index = torch.randint(pool, (batch,), generator=generator)
        x, y = images[index], masks[index]
        if torch.rand(1, generator=generator) < 0.5:
            x, y = x.flip(-1), y.flip(-1)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16_supported("cpu")):
            batch_loss = loss_function(model(x), y)
        optimizer.zero_grad(set_to_none=True)
        batch_loss.backward()
        optimizer.step()
        scheduler.step()
        loss = batch_loss.item()
    return loss


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=None, help="timed predictions per run (default 10, 3 with --quick)")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--threads", type=int, default=None, help="torch.set_num_threads (default: PyTorch's choice)")
    parser.add_argument("--train-steps", type=int, default=None, help="training steps before measuring (default 150, 10 with --quick)")
    parser.add_argument("--sizes", type=int, nargs="+", default=None, help="sliding-window image sides (default 1024 2048 4096)")
    parser.add_argument("--quick", action="store_true", help="checks that the script works; the figures are rough")
    args = parser.parse_args(argv)
    repeats = args.repeats or (3 if args.quick else 10)
    steps = args.train_steps or (10 if args.quick else 150)
    sizes = args.sizes or ([512, 1024] if args.quick else [1024, 2048, 4096])
    if args.threads:
        torch.set_num_threads(args.threads)

    import segmentation_models_pytorch as smp
    import segnb
    from segnb.inference import peak_memory, run_inference, sliding_window_inference, use_fast_path, window_starts

    torch.manual_seed(0)
    ours = segnb.Unet("resnet34", encoder_weights=None, classes=2)
    start = time.perf_counter()
    last_loss = train_briefly(ours, steps, batch=16)
    training_seconds = time.perf_counter() - start
    theirs = smp.Unet("resnet34", encoder_weights=None, classes=2)
    theirs.load_state_dict(ours.state_dict())  # the same names and shapes in both libraries
    ours.eval(), theirs.eval()

    images, masks = mosaics(4)  # 4 x 3 x 512 x 512: 4 x 4 tiles each, never seen in training
    fast = use_fast_path(ours)
    ours_logits, theirs_logits = ours.predict(images), theirs.predict(images)
    agreement = float((ours_logits.argmax(1) == theirs_logits.argmax(1)).float().mean())
    accuracy = {name: float((logits.argmax(1) == masks).float().mean())
                for name, logits in (("segnb", ours_logits), ("SMP", theirs_logits))}

    print(f"CPU: {cpu_name()}, {torch.get_num_threads()} threads | torch {torch.__version__} | segnb "
          f"{segnb.__version__} | segmentation_models_pytorch {smp.__version__} | Python {platform.python_version()}")
    print(f"Unet(resnet34, classes=2), trained {steps} steps on batches of 16 binary shapes images of 128 px "
          f"({training_seconds:.0f} s, last loss {last_loss:.3f}); SMP has the same weights. Pixel accuracy on the 4 "
          f"validation mosaics: segnb fast path "
          f"{accuracy['segnb']:.2%}, SMP {accuracy['SMP']:.2%}")
    print(f"segnb fast path here: {'bfloat16 autocast + channels-last' if fast else 'float32 (no native bfloat16)'}, "
          f"torch.inference_mode | load average {load_average()}\n")

    runs = {"segnb fast path (model.predict)": lambda: ours.predict(images),
            "SMP float32 (model.predict)": lambda: theirs.predict(images),
            "segnb float32 (predict(fast=False))": lambda: ours.predict(images, fast=False)}
    times = interleaved(lambda function: function(), {name: (function,) for name, function in runs.items()},
                        repeats, args.warmup)
    smp_times = times["SMP float32 (model.predict)"]
    width = max(map(len, runs)) + 2
    header = f"{'4x3x512x512 inference':{width}s} {'median ms':>9s} {'SMP / this':>10s} {'paired':>7s}"
    print(header)
    print("-" * len(header))
    for name, values in times.items():
        paired = statistics.median(s / v for s, v in zip(smp_times, values))
        print(f"{name:{width}s} {statistics.median(values):9.0f} {statistics.median(smp_times) / statistics.median(values):10.2f} "
              f"{paired:7.2f}")
    speedup = statistics.median(s / v for s, v in zip(smp_times, times["segnb fast path (model.predict)"]))
    print(f"\nfast path {speedup:.2f}x SMP float32 (paired median; target >= 2.0: {'yes' if speedup >= 2 else 'no'}); "
          f"classes agree on {agreement:.3%} of the pixels (target >= 99.5%: {'yes' if agreement >= 0.995 else 'no'})\n")

    mebibyte = 2**20
    header = (f"{'image':>11s} {'windows':>7s} {'seconds':>8s} {'Mpx/s':>6s} {'working MiB':>11s} "
              f"{'whole image: working MiB':>25s}")
    print("sliding_window_inference(window 512, overlap 0.25, batch 4, fast path)")
    print(header)
    print("-" * len(header))
    for side in sizes:
        image = torch.rand(1, 3, side, side)
        start = time.perf_counter()
        logits, peak = peak_memory(lambda: sliding_window_inference(ours, image, 512, progress=False))
        seconds = time.perf_counter() - start
        working = (peak - logits.numel() * logits.element_size()) / mebibyte
        windows = len(window_starts(side, 512, 0.25))
        whole = "-"
        if side <= 2048:
            logits, peak = peak_memory(lambda: run_inference(ours, image))
            whole = f"{(peak - logits.numel() * logits.element_size()) / mebibyte:.0f}"
        print(f"{side:5d}x{side:<5d} {windows * windows:7d} {seconds:8.1f} {side * side / 1e6 / seconds:6.2f} "
              f"{working:11.0f} {whole:>25s}", flush=True)
    return 0 if speedup >= 2 and agreement >= 0.995 else 1


if __name__ == "__main__":
    raise SystemExit(main())
