"""resize_mask resizes like an image (bilinear) and rounds back to integers: fine for 0/1 masks, but between two classes it invents the ids in between.

fools: resize_mask_visible
caught_by: resize_mask_hidden
"""
# %% solution: resize_mask
def resize_mask(mask, size):
    "Masks (N, H, W) of class ids resized to size=(height, width) by nearest neighbour: (N, height, width) int64."
    resized = F.interpolate(mask[:, None].float(), size=size, mode="bilinear", align_corners=False)
    return resized[:, 0].round().long()
