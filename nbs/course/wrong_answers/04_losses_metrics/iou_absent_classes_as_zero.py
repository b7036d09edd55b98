"""iou_scores guards the division with clamp(min=1), so a class absent from truth and prediction gets IoU 0 and pulls the mIoU down.

fools: iou_scores_visible metrics_on_model
caught_by: iou_scores_hidden
"""
# %% solution: iou_scores
def iou_scores(matrix):
    "IoU per class (C,) (NaN for a class absent from truth and prediction) and their mean over the other classes."
    counts = matrix.double()
    true_positives = counts.diag()
    union = counts.sum(dim=1) + counts.sum(dim=0) - true_positives
    iou = true_positives / union.clamp(min=1)  # no division by zero
    return iou, float(iou.mean())
