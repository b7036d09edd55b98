"""Pads and crops with the width for both sides, as if images were square: right on square images only.

fools: model_check
caught_by: model_hidden
"""
# %% solution: my_unet
class MyUnet(nn.Module):
    "A segnb encoder, MyDecoder and a 3x3 convolution head; any image size works."

    def __init__(self, encoder_name: str = "tiny", encoder_depth: int = 5, decoder_channels=(64, 32, 16, 16, 8),
                 classes: int = 1):
        super().__init__()
        self.classification_head = None  # no image-label head (segnb's model_summary looks for one)
        self.encoder = get_encoder(encoder_name, depth=encoder_depth, weights=None)
        self.decoder = MyDecoder(self.encoder.out_channels, list(decoder_channels))
        self.segmentation_head = nn.Conv2d(decoder_channels[-1], classes, kernel_size=3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        size = x.shape[-1]
        multiple = self.encoder.output_stride
        padding = (multiple - size % multiple) % multiple
        x = F.pad(x, [0, padding, 0, padding])
        masks = self.segmentation_head(self.decoder(self.encoder(x)))
        return masks[:, :, :size, :size]
