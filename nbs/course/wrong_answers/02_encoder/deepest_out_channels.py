"""For depth < 5, `_out_channels` lists the widths of the deepest stages while the first stages are built, so it no longer matches the real channels.

fools: encoder_check encoder_contract register_check models_check
caught_by: encoder_hidden register_hidden models_hidden
"""
# %% solution: my_encoder
class MyEncoder(nn.Module, EncoderMixin):
    "An encoder of `depth` downsampling stages that keeps segnb's encoder contract."

    def __init__(self, widths=(16, 32, 64, 128, 256), in_channels: int = 3, depth: int = 5):
        super().__init__()
        self._in_channels = in_channels
        self._depth = depth
        # a shallower encoder ends earlier: keep the channels of the last `depth` stages
        self._out_channels = [in_channels, *widths[len(widths) - depth:]]
        channels = [in_channels, *widths]
        self.stages = nn.ModuleList(downsampling_stage(channels[i], channels[i + 1]) for i in range(depth))

    def forward(self, x: torch.Tensor) -> list[torch.Tensor]:
        features = [x]
        for stage in self.stages:
            x = stage(x)
            features.append(x)
        return features
