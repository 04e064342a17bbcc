"""forward_wb subtracts the bias."""


def forward_wb(x, w, b):
    return x * w - b
