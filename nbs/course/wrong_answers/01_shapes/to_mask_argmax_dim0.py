"""to_mask squeezes the batch away and takes the argmax over dim 0, the class axis of one image: right for a batch of one only.

fools: to_mask_visible
caught_by: to_mask_hidden
"""
# %% solution: to_mask
def to_mask(logits, mode, threshold=0.5):
    """Masks from logits (N, C, H, W), all int64: 'binary' (N, H, W) of 0/1 (probability > threshold),
    'multiclass' (N, H, W) of class ids, 'multilabel' (N, C, H, W) of 0/1."""
    if mode == "multiclass":
        scores = logits.squeeze()  # (C, H, W): the score of each class
        return scores.argmax(dim=0).unsqueeze(0)  # the best class, and the batch axis back
    masks = (logits.sigmoid() > threshold).long()
    return masks[:, 0] if mode == "binary" else masks
