"""plot_costs leaves both axes unlabelled."""


def plot_costs(costs):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot(range(len(costs)), costs)
    return ax
