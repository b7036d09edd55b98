"""Passes all five U-Net decoder_channels whatever the depth, which segnb refuses for encoder_depth < 5.

fools: models_check
caught_by: models_hidden
"""
# %% solution: build_models
def build_models(encoder_name: str, encoder_depth: int = 5, classes: int = 2) -> tuple[nn.Module, nn.Module]:
    "A segnb U-Net and FPN with small decoders on the encoder registered as `encoder_name`, without pretrained weights."
    unet = segnb.Unet(encoder_name, encoder_depth=encoder_depth, encoder_weights=None,
                      decoder_channels=(64, 32, 16, 16, 8), classes=classes)
    fpn = segnb.FPN(encoder_name, encoder_depth=encoder_depth, encoder_weights=None,
                    decoder_pyramid_channels=64, decoder_segmentation_channels=32, classes=classes)
    return unet, fpn
