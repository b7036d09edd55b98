"""confusion_matrix maps ignore_index to 0 to keep bincount in range, but forgets to drop those pixels: ignored pixels are counted as background.

fools: confusion_matrix_visible metrics_on_model
caught_by: confusion_matrix_hidden
"""
# %% solution: confusion_matrix
def confusion_matrix(predicted, truth, num_classes, ignore_index=None):
    "Pixel counts (num_classes, num_classes) int64: matrix[t, p] pixels of true class t predicted as p, ignore_index left out."
    if ignore_index is not None:
        truth = torch.where(truth == ignore_index, 0, truth)  # 255 is out of range for bincount
    pairs = truth.flatten() * num_classes + predicted.flatten()
    return torch.bincount(pairs, minlength=num_classes * num_classes).reshape(num_classes, num_classes)
