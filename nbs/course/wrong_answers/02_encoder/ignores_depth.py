"""Stores `depth` but always builds and runs all five stages, so forward returns six features at any depth.

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
        self._out_channels = [in_channels, *widths]
        channels = self._out_channels
        # one stage per width
        self.stages = nn.ModuleList(downsampling_stage(channels[i], channels[i + 1]) for i in range(len(widths)))

    def forward(self, x: torch.Tensor) -> list[torch.Tensor]:
        features = [x]
        for stage in self.stages:
            x = stage(x)
            features.append(x)
        return features
