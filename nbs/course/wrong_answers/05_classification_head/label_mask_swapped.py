"""The two outputs unpacked in the wrong order (`label, mask = model(images)`); the visible check's shape test catches it.

caught_by: label_probabilities_visible label_probabilities_hidden
"""
# %% solution: label_probabilities
def label_probabilities(model: nn.Module, images: torch.Tensor) -> torch.Tensor:
    "Probabilities (N, K) that each of the K label classes is present in each image, in eval mode without gradients."
    with evaluating(model):
        label, mask = model(images)
    return label.sigmoid()
