"""Upsamples with bilinear interpolation and align_corners=True instead of segnb's nearest: right shapes, other numbers.

fools: block_check decoder_check model_check
caught_by: block_hidden
"""
# %% solution: decoder_block
class DecoderBlock(nn.Module):
    "Upsample x2 (nearest), concatenate the skip feature, two conv_bn_relu."

    def __init__(self, in_channels: int, skip_channels: int, out_channels: int):
        super().__init__()
        self.conv1 = conv_bn_relu(in_channels + skip_channels, out_channels)
        self.conv2 = conv_bn_relu(out_channels, out_channels)

    def forward(self, x: torch.Tensor, skip: torch.Tensor | None = None) -> torch.Tensor:
        # smoother than nearest
        x = F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=True)
        if skip is not None:
            x = torch.cat([x, skip], dim=1)
        return self.conv2(self.conv1(x))
