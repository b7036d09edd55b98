"""A sigmoid on the label head: the model returns probabilities, and the loss with logits applies a second sigmoid.

fools: make_model_visible
caught_by: make_model_hidden
"""
# %% solution: make_model
def make_model(mask_classes: int, label_classes: int) -> nn.Module:
    "A tiny U-Net with `mask_classes` mask channels and a classification head of `label_classes` logits."
    return segnb.Unet("tiny", encoder_depth=4, decoder_channels=(64, 32, 16, 8), classes=mask_classes,
                      aux_params={"classes": label_classes, "activation": "sigmoid"})
