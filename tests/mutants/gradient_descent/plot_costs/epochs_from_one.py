"""plot_costs counts the epochs from 1: the costs are plotted against the wrong x."""


def plot_costs(costs):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot(range(1, len(costs) + 1), costs)
    ax.set_xlabel("Epoch")
    ax.set_ylabel("Cost")
    return ax
