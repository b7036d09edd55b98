"""Returns the features coarsest first (the decoder starts from the deepest one), instead of finest first.

fools: encoder_check
caught_by: encoder_hidden
"""
# %% solution: my_encoder
class MyEncoder(nn.Module, EncoderMixin):
    "An encoder of `depth` downsampling stages that keeps segnb's encoder contract."

    def __init__(self, widths=(16, 32, 64, 128, 256), in_channels: int = 3, depth: int = 5):
        super().__init__()
        self._in_channels = in_channels
        self._depth = depth
        self._out_channels = [in_channels, *widths]
        channels = self._out_channels
        self.stages = nn.ModuleList(downsampling_stage(channels[i], channels[i + 1]) for i in range(depth))

    def forward(self, x: torch.Tensor) -> list[torch.Tensor]:
        features = [x]
        for stage in self.stages:
            x = stage(x)
            features.append(x)
        # the decoder starts from the deepest feature, so hand that one over first
        return features[::-1]
