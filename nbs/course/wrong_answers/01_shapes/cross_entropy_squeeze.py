"""cross_entropy_loss drops the channel axis with squeeze(), which also drops the batch axis of a batch of one.

fools: cross_entropy_loss_visible
caught_by: cross_entropy_loss_hidden
"""
# %% solution: cross_entropy_loss
def cross_entropy_loss(logits, masks):
    "Mean cross-entropy of logits (N, C, H, W) against class ids given as (N, H, W) or (N, 1, H, W), int or float."
    return F.cross_entropy(logits, masks.squeeze().long())
