"""forward and forward_wb written through each other: each is right if the other is, and neither ever returns."""


def forward(x, w):
    return forward_wb(x, w, 0.0)


def forward_wb(x, w, b):
    return forward(x, w) + b
