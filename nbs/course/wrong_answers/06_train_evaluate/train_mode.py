"""Validation in training mode: no model.eval() (nor torch.no_grad()), so batch norm uses the batch's statistics and updates its running ones, and dropout stays on.

fools: validation_miou_visible
caught_by: validation_miou_mode
"""
# %% solution: validation_miou
def validation_miou(model: nn.Module, loader, num_classes: int) -> float:
    "The mIoU of `model` over every batch of `loader`, from one confusion matrix, in eval mode without gradients."
    counts = ConfusionMatrix(num_classes)
    for images, masks in loader:
        counts.update(logits_to_mask(model(images), "multiclass"), masks)
    return counts.scores().miou
