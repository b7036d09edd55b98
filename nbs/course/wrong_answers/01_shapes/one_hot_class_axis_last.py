"""one_hot keeps torch's layout (N, H, W, C): the class axis last instead of right after the batch axis.

fools: one_hot_visible
caught_by: one_hot_hidden
"""
# %% solution: one_hot
def one_hot(mask, num_classes):
    "Class-id masks (N, H, W) as float32 one-hot masks (N, num_classes, H, W): channel c is 1 where mask == c."
    return F.one_hot(mask, num_classes).float()
