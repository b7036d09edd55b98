"""The images ranked by pixel accuracy instead of mIoU: the background, most of every image, hides a missed shape.

fools: worst_images_visible
caught_by: worst_images_hidden
"""
# %% solution: worst_images
def worst_images(model: nn.Module, dataset, k: int) -> list:
    "Indices of the k items of `dataset` with the lowest per-image mIoU, worst first."
    scores = []
    with evaluating(model):
        for index in range(len(dataset)):
            image, truth = dataset[index]
            predicted = logits_to_mask(model(image[None]), "multiclass")[0]
            scores.append((predicted == truth).float().mean().item())
    return torch.tensor(scores).argsort()[:k].tolist()
