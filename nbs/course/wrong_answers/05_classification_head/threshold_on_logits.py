"""The 0.5 threshold is applied to the logits instead of the probabilities.

fools: label_accuracy_visible
caught_by: label_accuracy_hidden
"""
# %% solution: label_accuracy
def label_accuracy(label_logits: torch.Tensor, labels: torch.Tensor, threshold: float = 0.5) -> float:
    "The share of (image, kind) answers that are right; 'present' when sigmoid(logit) > threshold."
    said = label_logits > threshold
    return (said == labels.bool()).float().mean().item()
