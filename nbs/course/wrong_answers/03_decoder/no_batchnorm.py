"""Forgets the BatchNorm in conv_bn_relu (convolution and ReLU only): every shape is still right.

fools: conv_check decoder_check
caught_by: conv_hidden
"""
# %% solution: conv_bn_relu
def conv_bn_relu(in_channels: int, out_channels: int) -> nn.Module:
    "3x3 convolution (padding 1, no bias), BatchNorm, ReLU: changes the channels, keeps the size."
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1, bias=False),
        nn.ReLU(inplace=True),
    )
