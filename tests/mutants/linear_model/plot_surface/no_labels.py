"""plot_surface draws the surface but labels no axis."""


def plot_surface(W, B, MSE):
    import matplotlib.pyplot as plt

    ax = plt.figure().add_subplot(projection="3d")
    ax.plot_surface(W, B, MSE)
    return ax
