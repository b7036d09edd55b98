"""The mIoU of each batch, averaged over the batches, instead of one confusion matrix for the whole set.

fools: validation_miou_visible
caught_by: validation_miou_batches
"""
# %% solution: validation_miou
def validation_miou(model: nn.Module, loader, num_classes: int) -> float:
    "The mIoU of `model` over every batch of `loader`, from one confusion matrix, in eval mode without gradients."
    batch_mious = []
    with evaluating(model):
        for images, masks in loader:
            counts = ConfusionMatrix(num_classes).update(logits_to_mask(model(images), "multiclass"), masks)
            batch_mious.append(counts.scores().miou)
    return sum(batch_mious) / len(batch_mious)
