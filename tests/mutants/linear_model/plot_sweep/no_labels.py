"""plot_sweep draws the right line but labels no axis."""


def plot_sweep(w_values, mse_values):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot(w_values, mse_values)
    return ax
