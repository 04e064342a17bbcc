"""plot_sweep draws the MSE against its position, not against w."""


def plot_sweep(w_values, mse_values):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot(mse_values)
    ax.set_xlabel("w")
    ax.set_ylabel("Loss")
    return ax
