"""forward reads a global w instead of its argument (the lesson's forward(x))."""
w = 4.0


def forward(x, weight):
    return x * w
