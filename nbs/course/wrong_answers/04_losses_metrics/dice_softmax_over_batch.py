"""soft_dice_loss takes the softmax over dim 0, the batch axis, instead of the class axis: a smooth loss with a correct gradient, of the wrong thing.

fools: dice_gradients
caught_by: dice_hidden
"""
# %% solution: soft_dice_loss
def soft_dice_loss(logits, target, ignore_index=None, eps=1e-7):
    "Soft multiclass Dice loss of logits (N, C, H, W) against class ids (N, H, W), pixels equal to ignore_index left out."
    num_classes = logits.shape[1]
    probabilities = F.softmax(logits, dim=0)
    valid = torch.ones_like(target, dtype=torch.bool) if ignore_index is None else target != ignore_index
    truth = F.one_hot(torch.where(valid, target, 0), num_classes).permute(0, 3, 1, 2).to(logits.dtype)
    counted = valid[:, None].to(logits.dtype)
    probabilities, truth = probabilities * counted, truth * counted
    dims = (0, 2, 3)
    dice = 2 * (probabilities * truth).sum(dims) / (probabilities.sum(dims) + truth.sum(dims)).clamp_min(eps)
    return ((1 - dice) * (truth.sum(dims) > 0)).mean()
