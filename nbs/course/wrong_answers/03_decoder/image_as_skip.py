"""Off by one in the skips: every block takes the next finer feature, so the last block concatenates the input image (feature 0).

fools: decoder_check model_check
caught_by: decoder_hidden model_hidden
"""
# %% solution: my_decoder
class MyDecoder(nn.Module):
    "U-Net decoder: one DecoderBlock per encoder stage, deepest first; feature 0 (the image) is never a skip."

    def __init__(self, encoder_channels: list[int], decoder_channels: list[int]):
        super().__init__()
        deepest_first = list(encoder_channels)[::-1]
        in_channels = [deepest_first[0], *decoder_channels[:-1]]
        skip_channels = deepest_first[1:]
        self.blocks = nn.ModuleList(DecoderBlock(i, s, o) for i, s, o in zip(in_channels, skip_channels, decoder_channels))

    def forward(self, features: list[torch.Tensor]) -> torch.Tensor:
        x = features[-1]
        skips = features[:-1][::-1]
        for block, skip in zip(self.blocks, skips):
            x = block(x, skip)
        return x
