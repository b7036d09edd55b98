"""soft_dice_loss adds eps to the denominator and averages 1 - Dice over all classes: a class missing from the target (Dice 0) adds a loss of 1 instead of 0.

fools: dice_values dice_matches_segnb dice_gradients dice_overfit
caught_by: dice_hidden
"""
# %% solution: soft_dice_loss
def soft_dice_loss(logits, target, ignore_index=None, eps=1e-7):
    "Soft multiclass Dice loss of logits (N, C, H, W) against class ids (N, H, W), pixels equal to ignore_index left out."
    num_classes = logits.shape[1]
    probabilities = logits.softmax(dim=1)
    valid = torch.ones_like(target, dtype=torch.bool) if ignore_index is None else target != ignore_index
    truth = F.one_hot(torch.where(valid, target, 0), num_classes).permute(0, 3, 1, 2).float()
    counted = valid[:, None].float()
    probabilities, truth = probabilities * counted, truth * counted
    dims = (0, 2, 3)
    dice = 2 * (probabilities * truth).sum(dims) / (probabilities.sum(dims) + truth.sum(dims) + eps)
    return (1 - dice).mean()
