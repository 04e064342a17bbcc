"""plot_costs puts the costs on the x axis and the epochs on the y axis."""


def plot_costs(costs):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot(costs, range(len(costs)))
    ax.set_xlabel("Epoch")
    ax.set_ylabel("Cost")
    return ax
