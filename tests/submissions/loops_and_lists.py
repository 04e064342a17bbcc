"""Plain Python loops over lists, returning lists and tuples, as the lesson writes them."""
import matplotlib.pyplot as plt
from mpl_toolkits.mplot3d import Axes3D  # noqa: F401  (the lesson's import)


def forward(x, w):
    return x * w


def loss(x, y, w):
    y_pred = forward(x, w)
    return (y_pred - y) * (y_pred - y)


def mse(x_data, y_data, w):
    l_sum = 0
    for x_val, y_val in zip(x_data, y_data):
        l_sum += loss(x_val, y_val, w)
    return l_sum / len(x_data)


def mse_sweep(x_data, y_data, w_values):
    mse_list = []
    for w in w_values:
        mse_list.append(mse(x_data, y_data, w))
    return mse_list


def best_w(x_data, y_data, w_values):
    costs = mse_sweep(x_data, y_data, w_values)
    best = 0
    for k in range(len(costs)):
        if costs[k] < costs[best]:
            best = k
    return w_values[best]


def predict(x, x_data, y_data, w_values):
    return forward(x, best_w(x_data, y_data, w_values))


def forward_wb(x, w, b):
    return x * w + b


def mse_wb(x_data, y_data, w, b):
    total = 0.0
    for x_val, y_val in zip(x_data, y_data):
        total += (forward_wb(x_val, w, b) - y_val) ** 2
    return total / len(x_data)


def mse_grid(x_data, y_data, w_values, b_values):
    W = [[w for w in w_values] for b in b_values]
    B = [[b for w in w_values] for b in b_values]
    MSE = [[mse_wb(x_data, y_data, w, b) for w in w_values] for b in b_values]
    return W, B, MSE


def to_grid(w_list, b_list, mse_list):
    n_b = w_list.count(w_list[0])
    n_w = len(w_list) // n_b
    W = [[w_list[j * n_b + i] for j in range(n_w)] for i in range(n_b)]
    B = [[b_list[j * n_b + i] for j in range(n_w)] for i in range(n_b)]
    MSE = [[mse_list[j * n_b + i] for j in range(n_w)] for i in range(n_b)]
    return W, B, MSE


def best_wb(x_data, y_data, w_values, b_values):
    best = None
    for w in w_values:
        for b in b_values:
            cost = mse_wb(x_data, y_data, w, b)
            if best is None or cost < best[0]:
                best = (cost, w, b)
    return best[1], best[2]


def plot_sweep(w_values, mse_values):
    plt.figure()
    plt.plot(w_values, mse_values)
    plt.ylabel("Loss")
    plt.xlabel("w")
    return plt.gca()


def plot_surface(W, B, MSE):
    import numpy as np

    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    ax.plot_surface(np.array(W), np.array(B), np.array(MSE))
    ax.set_xlabel("权重 w")
    ax.set_ylabel("偏置 b")
    ax.set_zlabel("损失")
    return ax
