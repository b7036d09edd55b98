"""Image labels from the dominant shape only (an argmax): one label per image where several kinds can be present.

fools: labels_from_masks_visible
caught_by: labels_from_masks_hidden
"""
# %% solution: labels_from_masks
def labels_from_masks(masks: torch.Tensor, num_classes: int) -> torch.Tensor:
    "Multi-hot float labels (N, num_classes - 1): column k - 1 is 1.0 when class k (k >= 1) appears in the mask."
    counts = F.one_hot(masks, num_classes).sum(dim=(1, 2))  # pixels of each class in each image
    counts[:, 0] = 0  # background is not a label
    main_class = counts.argmax(dim=1)  # the class of the image: its biggest shape
    return F.one_hot(main_class, num_classes)[:, 1:].float()
