"""The training step minimises the mask loss only: the label head is never trained.

fools: train_step_visible
caught_by: train_step_hidden
"""
# %% solution: train_step
def train_step(model: nn.Module, optimizer: torch.optim.Optimizer, images: torch.Tensor, masks: torch.Tensor,
               labels: torch.Tensor, label_weight: float = 1.0, grad_clip: float | None = 1.0) -> float:
    "One optimiser step on the combined loss of a batch, gradients clipped to norm `grad_clip`; returns the loss as a float."
    model.train()
    mask_logits, label_logits = model(images)
    loss = segmentation_loss(mask_logits, masks)
    optimizer.zero_grad()
    loss.backward()
    if grad_clip is not None:
        nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
    optimizer.step()
    return loss.item()
