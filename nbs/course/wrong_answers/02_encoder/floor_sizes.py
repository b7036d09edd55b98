"""Divides the sizes with `//`, which rounds odd sizes down where a stride-2 convolution with padding 1 rounds them up.

fools: sizes_check
caught_by: sizes_hidden
"""
# %% solution: feature_sizes
def feature_sizes(height: int, width: int, depth: int) -> list[tuple[int, int]]:
    "The (height, width) of the depth + 1 features of an encoder whose stages halve the size, rounding up."
    return [(height // 2**i, width // 2**i) for i in range(depth + 1)]
