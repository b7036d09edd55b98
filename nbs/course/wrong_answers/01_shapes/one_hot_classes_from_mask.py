"""one_hot lets torch count the classes from the mask (F.one_hot without num_classes): a class that does not appear gets no channel.

fools: one_hot_visible
caught_by: one_hot_hidden
"""
# %% solution: one_hot
def one_hot(mask, num_classes):
    "Class-id masks (N, H, W) as float32 one-hot masks (N, num_classes, H, W): channel c is 1 where mask == c."
    return F.one_hot(mask).permute(0, 3, 1, 2).float()
