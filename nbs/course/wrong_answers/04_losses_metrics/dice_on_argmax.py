"""soft_dice_loss takes the argmax of the logits first, so it computes the hard Dice of the predicted mask: right values for sure predictions, but no gradient.

fools: dice_values
caught_by: dice_hidden
"""
# %% solution: soft_dice_loss
def soft_dice_loss(logits, target, ignore_index=None, eps=1e-7):
    "Soft multiclass Dice loss of logits (N, C, H, W) against class ids (N, H, W), pixels equal to ignore_index left out."
    num_classes = logits.shape[1]
    predicted = F.one_hot(logits.argmax(dim=1), num_classes).permute(0, 3, 1, 2).to(logits.dtype)
    valid = torch.ones_like(target, dtype=torch.bool) if ignore_index is None else target != ignore_index
    truth = F.one_hot(torch.where(valid, target, 0), num_classes).permute(0, 3, 1, 2).to(logits.dtype)
    counted = valid[:, None].to(logits.dtype)
    predicted, truth = predicted * counted, truth * counted
    dims = (0, 2, 3)
    dice = 2 * (predicted * truth).sum(dims) / (predicted.sum(dims) + truth.sum(dims)).clamp_min(eps)
    return ((1 - dice) * (truth.sum(dims) > 0)).mean()
