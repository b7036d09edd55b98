"""Softmax cross-entropy for the labels: treats a multi-label target as one choice among the kinds.

fools: combined_loss_visible
caught_by: combined_loss_hidden
"""
# %% solution: combined_loss
def combined_loss(outputs: tuple, masks: torch.Tensor, labels: torch.Tensor, label_weight: float = 1.0) -> torch.Tensor:
    "segmentation_loss on the mask logits plus label_weight x binary cross-entropy on the label logits."
    mask_logits, label_logits = outputs
    return segmentation_loss(mask_logits, masks) + label_weight * F.cross_entropy(label_logits, labels)
