"""Shared pytest set-up."""
import os

import torch

# pytest-xdist runs one worker per core: a worker that also spreads each operation over every core makes the
# workers wait on each other (a 0.03 s forward pass took 3 s), so each worker computes on one thread.
if os.environ.get("PYTEST_XDIST_WORKER"):
    torch.set_num_threads(1)
    # the same for the kernels that nbgrader and JupyterLab start from a worker (they inherit its environment)
    os.environ["OMP_NUM_THREADS"] = os.environ["MKL_NUM_THREADS"] = "1"
